namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>A server with small limits, so the tests reach them quickly: 1 s reconnect grace, 3 connections per
/// session by default, a burst of 3 signals then 1 per second, and a TURN secret with a static STUN server.</summary>
public sealed class TightServer() : SignalingServer(new Dictionary<string, string>
{
    ["Duet:Signaling:ReconnectGraceSeconds"] = "1",
    ["Duet:Limits:MaxConnectionsPerSession"] = "3",
    ["Duet:Limits:SignalBurst"] = "3",
    ["Duet:Limits:SignalsPerSecond"] = "1",
    ["Duet:Ice:Servers:0:Urls:0"] = "stun:stun.example.test:3478",
    ["Duet:Turn:Secret"] = TurnSecret,
    ["Duet:Turn:Urls:0"] = "turn:127.0.0.1:3478?transport=udp",
    ["Duet:Turn:Urls:1"] = "turn:127.0.0.1:3478?transport=tcp",
    ["Duet:Turn:TtlSeconds"] = "600",
})
{
    public const string TurnSecret = "turn-shared-secret-for-tests";
}

[CollectionDefinition(Name)]
public sealed class TightServerCollection : ICollectionFixture<TightServer>
{
    public const string Name = "tight server";
}
