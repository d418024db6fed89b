using Duet.Core.Tokens;
using Duet.Server.Signaling;
using Duet.Server.Signaling.Resumption;
using Duet.Server.Signaling.State;
using Duet.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Duet.Resilience.Tests.Resumption;

/// <summary>Resume secrets are self-contained and signed with a key kept in SQLite: they survive a restart, nothing else forges them.</summary>
public sealed class ResumeTicketTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("duet-resume-").FullName;
    private readonly MovableTime _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public void ASecretReadsBackAsTheConnectionItWasIssuedFor()
    {
        var tickets = Tickets(Store());
        var ticket = tickets.Read(tickets.Issue(Connection()));
        Assert.NotNull(ticket);
        Assert.Equal(("1_session", "conn-1", Role.Moderator, "name=alice"), (ticket.SessionId, ticket.ConnectionId, ticket.Role, ticket.Data));
        Assert.Equal(Connection().CreatedAt.ToUnixTimeMilliseconds(), ticket.CreatedAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void AnotherProcessOnTheSameDataDirectoryAcceptsItButAnotherDataDirectoryDoesNot()
    {
        var secret = Tickets(Store()).Issue(Connection());
        Assert.NotNull(Tickets(Store()).Read(secret));

        var elsewhere = Directory.CreateTempSubdirectory("duet-resume-other-").FullName;
        try
        {
            Assert.Null(Tickets(new SqliteResumptionStore(SqliteDatabase.Open(elsewhere), _time)).Read(secret));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void TamperedExpiredOrMalformedSecretsAreRefused()
    {
        var tickets = Tickets(Store());
        var secret = tickets.Issue(Connection());
        var dot = secret.IndexOf('.', StringComparison.Ordinal);
        // Same signature, payload of another role: the signature no longer matches.
        var forgedPayload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(secret[..dot].Replace('-', '+').Replace('_', '/')))).Replace("moderator", "publisher")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Null(tickets.Read(forgedPayload + secret[dot..]));
        Assert.Null(tickets.Read(secret[..^4] + "AAAA"));
        Assert.Null(tickets.Read("not-a-secret"));
        Assert.Null(tickets.Read("a.b"));

        _time.Now += TimeSpan.FromHours(25);
        Assert.Null(tickets.Read(secret));
    }

    [Fact]
    public async Task EndedConnectionsAreRememberedAcrossInstances()
    {
        await Store().AddAsync("gone", _time.GetUtcNow().AddHours(1));
        Assert.True(await Store().ContainsAsync("gone"));
        Assert.False(await Store().ContainsAsync("still-here"));
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private static string Pad(string b64) => b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');

    private SqliteResumptionStore Store() => new(SqliteDatabase.Open(_dataDir), _time);

    private ResumeTickets Tickets(IServerKeyStore keys) => new(keys, new FixedOptions(new SignalingOptions()), _time);

    private ConnectionRecord Connection() => new("conn-1", "1_session", Role.Moderator, "name=alice", _time.Start.AddMinutes(-1), [], "socket", 0);

    private sealed class MovableTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FixedOptions(SignalingOptions value) : IOptionsMonitor<SignalingOptions>
    {
        public SignalingOptions CurrentValue => value;

        public SignalingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SignalingOptions, string?> listener) => null;
    }
}
