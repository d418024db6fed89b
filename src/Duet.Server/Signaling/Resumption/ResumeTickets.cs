using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Duet.Core.Tokens;
using Duet.Server.Signaling.State;
using Microsoft.Extensions.Options;

namespace Duet.Server.Signaling.Resumption;

/// <summary>
/// Issues and checks resume secrets. A secret is self-contained — <c>base64url(payload).base64url(HMAC-SHA256)</c>
/// over the connection's session, id, role, data, creation and expiry time — signed with a key kept in the data
/// directory, so a restarted server can still verify it and re-create the connection with the same id.
/// </summary>
public sealed class ResumeTickets
{
    private const string KeyName = "resume-ticket-hmac";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly byte[] _key;
    private readonly IOptionsMonitor<SignalingOptions> _options;
    private readonly TimeProvider _time;

    public ResumeTickets(IServerKeyStore keys, IOptionsMonitor<SignalingOptions> options, TimeProvider time)
    {
        // Read once, when the server starts (see MapDuetSignaling): the stores answer synchronously, which on a
        // busy thread pool would stall every Connect waiting for the key, and a store that fails should stop start-up.
        _key = keys.GetOrCreate(KeyName, 32);
        _options = options;
        _time = time;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        StartedAt = new DateTimeOffset(process.StartTime.ToUniversalTime());
    }

    /// <summary>When this process started serving: connections it never saw may be restored for one grace period after it.</summary>
    public DateTimeOffset StartedAt { get; }

    public string Issue(ConnectionRecord connection)
    {
        var payload = new Payload(connection.SessionId, connection.ConnectionId, connection.Role.ToWire(), connection.Data,
            connection.CreatedAt.ToUnixTimeMilliseconds(), (connection.CreatedAt + _options.CurrentValue.ResumeSecretLifetime).ToUnixTimeMilliseconds());
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload, Json));
        return body + "." + Base64Url(Sign(body));
    }

    /// <summary>The ticket if the secret is well-formed, correctly signed and not expired; null otherwise.</summary>
    public ResumeTicket? Read(string secret)
    {
        var dot = secret.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || secret.Length > 8192)
        {
            return null;
        }

        var body = secret[..dot];
        byte[] signature;
        byte[] json;
        try
        {
            signature = FromBase64Url(secret[(dot + 1)..]);
            json = FromBase64Url(body);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(body)))
        {
            return null;
        }

        var payload = JsonSerializer.Deserialize<Payload>(json, Json);
        if (payload is null || !Roles.TryParse(payload.R, out var role))
        {
            return null;
        }

        var ticket = new ResumeTicket(payload.S, payload.C, role, payload.D, DateTimeOffset.FromUnixTimeMilliseconds(payload.T), DateTimeOffset.FromUnixTimeMilliseconds(payload.E));
        return ticket.ExpiresAt > _time.GetUtcNow() ? ticket : null;
    }

    /// <summary>The expiry of the secret of a connection created at <paramref name="createdAt"/>.</summary>
    public DateTimeOffset ExpiryFor(DateTimeOffset createdAt) => createdAt + _options.CurrentValue.ResumeSecretLifetime;

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var b64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='));
    }

    private sealed record Payload(
        [property: JsonPropertyName("s")] string S,
        [property: JsonPropertyName("c")] string C,
        [property: JsonPropertyName("r")] string R,
        [property: JsonPropertyName("d")] string D,
        [property: JsonPropertyName("t")] long T,
        [property: JsonPropertyName("e")] long E);
}
