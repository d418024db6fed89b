using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Duet.Core.Sessions;
using Duet.Server.Signaling.State;

namespace Duet.Server.Webhooks;

/// <summary>
/// The session monitoring events, in the shape of OpenTok's callbacks: <c>{sessionId, projectId, event, timestamp,
/// reason?, connection | stream}</c> for connectionCreated/Destroyed and streamCreated/Destroyed.
/// </summary>
public sealed class SessionWebhooks(WebhookDispatcher dispatcher, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void ConnectionCreated(ConnectionRecord connection) =>
        Post(connection.SessionId, "connectionCreated", null, "connection", Describe(connection));

    public void ConnectionDestroyed(ConnectionRecord connection, string reason) =>
        Post(connection.SessionId, "connectionDestroyed", reason, "connection", Describe(connection));

    public void StreamCreated(StreamRecord stream, ConnectionRecord? owner) =>
        Post(stream.SessionId, "streamCreated", null, "stream", Describe(stream, owner));

    public void StreamDestroyed(StreamRecord stream, ConnectionRecord? owner, string reason) =>
        Post(stream.SessionId, "streamDestroyed", reason, "stream", Describe(stream, owner));

    private void Post(string sessionId, string name, string? reason, string key, object value)
    {
        if (!dispatcher.Enabled)
        {
            return;
        }

        var payload = new JsonObject
        {
            ["sessionId"] = sessionId,
            ["projectId"] = SessionId.TryDecode(sessionId, out var parts) ? parts.ApiKey.ToString(CultureInfo.InvariantCulture) : "",
            ["event"] = name,
            ["timestamp"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        if (reason is not null)
        {
            payload["reason"] = reason;
        }

        payload[key] = JsonSerializer.SerializeToNode(value, Json);
        dispatcher.Post(payload);
    }

    private static object Describe(ConnectionRecord c) => new { id = c.ConnectionId, createdAt = c.CreatedAt.ToUnixTimeMilliseconds(), data = c.Data };

    private static object Describe(StreamRecord s, ConnectionRecord? owner) => new
    {
        id = s.StreamId,
        connection = owner is null ? new { id = s.ConnectionId } : Describe(owner),
        createdAt = s.CreatedAt.ToUnixTimeMilliseconds(),
        name = s.Name,
        videoType = s.VideoType,
    };
}
