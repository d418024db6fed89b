using System.Globalization;
using System.Text.Json;
using Duet.Server.Signaling.Protocol;
using Duet.Server.Signaling.State;
using Duet.Storage.Redis;
using StackExchange.Redis;

namespace Duet.Server.Scaling;

/// <summary>
/// The session state shared by every node, in Redis, with the same semantics as <see cref="InMemorySessionState"/>:
/// each method is one Lua script (<see cref="SessionStateScripts"/>), so it is atomic across nodes too. Records are
/// JSON strings; the fields the scripts must read (session, socket, owner ids) sit beside them in the same hash.
/// </summary>
public sealed class RedisSessionState(IConnectionMultiplexer redis, RedisKeys keys) : ISessionState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDatabase Db => redis.GetDatabase();

    public async ValueTask<AddOutcome> AddConnectionAsync(ConnectionRecord connection, int maxConnections)
    {
        var added = (int)await RunAsync(SessionStateScripts.AddConnection, connection.ConnectionId, connection.SessionId,
            connection.SocketId ?? "", connection.Epoch, Write(connection with { SocketId = null }), maxConnections);
        return added == 1 ? AddOutcome.Added : AddOutcome.LimitReached;
    }

    public async ValueTask<ConnectionRecord?> FindConnectionAsync(string connectionId) =>
        ReadConnection(await RunAsync(SessionStateScripts.FindConnection, connectionId));

    public async ValueTask<ConnectionRecord?> FindConnectionBySocketAsync(string socketId) =>
        ReadConnection(await RunAsync(SessionStateScripts.FindConnectionBySocket, socketId));

    public async ValueTask<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(string sessionId)
    {
        var rows = (RedisResult[])(await RunAsync(SessionStateScripts.ListConnections, sessionId))!;
        return rows.Select(row => ReadConnection(row)!).ToArray();
    }

    public async ValueTask<ConnectionRecord?> BindSocketAsync(string connectionId, string socketId) =>
        ReadConnection(await RunAsync(SessionStateScripts.BindSocket, connectionId, socketId));

    public async ValueTask<ConnectionRecord?> UnbindSocketAsync(string connectionId, string socketId) =>
        ReadConnection(await RunAsync(SessionStateScripts.UnbindSocket, connectionId, socketId));

    public async ValueTask<RemovedConnection?> RemoveConnectionAsync(string connectionId)
    {
        var result = await RunAsync(SessionStateScripts.RemoveConnection, connectionId);
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        return new RemovedConnection(ReadConnection(parts[0])!, ReadAll<StreamRecord>(parts[1]), ReadAll<SubscriptionRecord>(parts[2]));
    }

    public async ValueTask<AddOutcome> AddStreamAsync(StreamRecord stream, int maxPerConnection) =>
        ToOutcome(await RunAsync(SessionStateScripts.AddStream, stream.StreamId, stream.SessionId, stream.ConnectionId, Write(stream), maxPerConnection));

    public async ValueTask<StreamRecord?> FindStreamAsync(string streamId) =>
        Read<StreamRecord>(await Db.HashGetAsync(keys.Prefix + "stream:" + streamId, "json"));

    public async ValueTask<IReadOnlyList<StreamRecord>> ListStreamsAsync(string sessionId) =>
        ReadAll<StreamRecord>(await RunAsync(SessionStateScripts.ListStreams, sessionId));

    public async ValueTask<bool> UpdateStreamAsync(StreamRecord stream) =>
        (int)await RunAsync(SessionStateScripts.ReplaceJson, "stream:" + stream.StreamId, Write(stream)) == 1;

    public async ValueTask<RemovedStream?> RemoveStreamAsync(string streamId)
    {
        var result = await RunAsync(SessionStateScripts.RemoveStream, streamId);
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        return new RemovedStream(Read<StreamRecord>((string?)parts[0])!, ReadAll<SubscriptionRecord>(parts[1]));
    }

    public async ValueTask<AddOutcome> AddSubscriptionAsync(SubscriptionRecord subscription, int maxPerSubscriber) =>
        ToOutcome(await RunAsync(SessionStateScripts.AddSubscription, subscription.SubscriptionId, subscription.StreamId,
            subscription.PublisherConnectionId, subscription.SubscriberConnectionId, Write(subscription), maxPerSubscriber));

    public async ValueTask<SubscriptionRecord?> FindSubscriptionAsync(string subscriptionId) =>
        Read<SubscriptionRecord>(await Db.HashGetAsync(keys.Prefix + "sub:" + subscriptionId, "json"));

    public async ValueTask<bool> UpdateSubscriptionAsync(SubscriptionRecord subscription) =>
        (int)await RunAsync(SessionStateScripts.ReplaceJson, "sub:" + subscription.SubscriptionId, Write(subscription)) == 1;

    public async ValueTask<SubscriptionRecord?> RemoveSubscriptionAsync(string subscriptionId) =>
        Read<SubscriptionRecord>((string?)await RunAsync(SessionStateScripts.RemoveSubscription, subscriptionId));

    public async ValueTask SetForceMuteAllAsync(string sessionId, bool active) =>
        await RunAsync(SessionStateScripts.SetForceMuteAll, sessionId, active ? "1" : "0");

    public async ValueTask<bool> IsForceMuteAllActiveAsync(string sessionId) =>
        await Db.KeyExistsAsync(keys.Prefix + "mute-all:" + sessionId);

    public async ValueTask AddPendingSignalAsync(string connectionId, SignalMessage signal, int maxQueued) =>
        await RunAsync(SessionStateScripts.AddPendingSignal, connectionId, Write(signal), maxQueued);

    public async ValueTask<IReadOnlyList<SignalMessage>> TakePendingSignalsAsync(string connectionId) =>
        ReadAll<SignalMessage>(await RunAsync(SessionStateScripts.TakePendingSignals, connectionId));

    private Task<RedisResult> RunAsync(string script, params object[] args) =>
        Db.ScriptEvaluateAsync(script, values: [keys.Prefix, .. args.Select(ToValue)]);

    private static RedisValue ToValue(object arg) => arg switch
    {
        string s => s,
        int i => i,
        long l => l,
        _ => throw new ArgumentException($"Unsupported script argument {arg.GetType()}", nameof(arg)),
    };

    private static AddOutcome ToOutcome(RedisResult result) => (int)result switch
    {
        0 => AddOutcome.Added,
        1 => AddOutcome.LimitReached,
        _ => AddOutcome.OwnerMissing,
    };

    /// <summary>A connection row is {json, socket, epoch}: the socket and epoch change without rewriting the JSON.</summary>
    private static ConnectionRecord? ReadConnection(RedisResult row)
    {
        if (row.IsNull)
        {
            return null;
        }

        var fields = (RedisResult[])row!;
        var socket = (string?)fields[1];
        return Read<ConnectionRecord>((string?)fields[0])! with
        {
            SocketId = string.IsNullOrEmpty(socket) ? null : socket,
            Epoch = long.Parse((string)fields[2]!, CultureInfo.InvariantCulture),
        };
    }

    private static IReadOnlyList<T> ReadAll<T>(RedisResult list) => ((RedisResult[])list!).Select(item => Read<T>((string?)item)!).ToArray();

    private static T? Read<T>(RedisValue json) => json.IsNullOrEmpty ? default : JsonSerializer.Deserialize<T>(json.ToString(), Json);

    private static T? Read<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Json);

    private static string Write<T>(T record) => JsonSerializer.Serialize(record, Json);
}
