namespace Duet.Storage.Redis;

/// <summary>The key names Duet uses in Redis, under one prefix so several deployments (or tests) can share a server.</summary>
public sealed class RedisKeys(string prefix = RedisKeys.DefaultPrefix)
{
    public const string DefaultPrefix = "duet:";

    public string Prefix { get; } = prefix;

    public string Session(string sessionId) => Prefix + "session:" + sessionId;

    public string Room(string roomName) => Prefix + "room:" + roomName;
}
