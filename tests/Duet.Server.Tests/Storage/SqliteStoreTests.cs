using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.Storage.Sqlite;

namespace Duet.Server.Tests.Storage;

public class SqliteStoreTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_123);

    [Fact]
    public void OpeningCreatesTheFileInWalMode()
    {
        using var dir = new TempDataDir();
        var database = SqliteDatabase.Open(Path.Combine(dir.Path, "nested"));

        Assert.True(File.Exists(database.Path));
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task ProjectsAreAddedOnceFoundListedOldestFirstAndTheirSecretCanBeReplaced()
    {
        using var dir = new TempDataDir();
        var store = new SqliteProjectStore(SqliteDatabase.Open(dir.Path));
        var first = new Project(47000001, new string('a', 40), "first", Now);
        var second = new Project(47000002, new string('b', 40), "second", Now.AddSeconds(1));

        Assert.True(await store.AddAsync(second));
        Assert.True(await store.AddAsync(first));
        Assert.False(await store.AddAsync(first with { ApiSecret = new string('c', 40) }));

        Assert.Equal(first, await store.FindAsync(47000001));
        Assert.Null(await store.FindAsync(47000003));
        Assert.Equal([first, second], await store.ListAsync());

        Assert.True(await store.UpdateSecretAsync(47000001, new string('d', 40)));
        Assert.False(await store.UpdateSecretAsync(47000003, new string('d', 40)));
        Assert.Equal(new string('d', 40), (await store.FindAsync(47000001))!.ApiSecret);
    }

    [Fact]
    public async Task SessionsKeepEveryOptionAcrossReopening()
    {
        using var dir = new TempDataDir();
        var routed = new Session(SessionId.Create(47000001, "10.0.0.1", Now), 47000001, MediaMode.Routed, ArchiveMode.Always, "10.0.0.1", true, Now, 2);
        var relayed = new Session(SessionId.Create(47000001, "", Now), 47000001, MediaMode.Relayed, ArchiveMode.Manual, "", false, Now, null);
        var store = new SqliteSessionStore(SqliteDatabase.Open(dir.Path));
        await store.AddAsync(routed);
        await store.AddAsync(relayed);

        var reopened = new SqliteSessionStore(SqliteDatabase.Open(dir.Path));

        Assert.Equal(routed, await reopened.FindAsync(routed.Id));
        Assert.Equal(relayed, await reopened.FindAsync(relayed.Id));
        Assert.Null(await reopened.FindAsync(SessionId.Create(47000001, "", Now)));
    }

    [Fact]
    public async Task ARoomKeepsTheSessionItWasFirstGiven()
    {
        using var dir = new TempDataDir();
        var database = SqliteDatabase.Open(dir.Path);
        var rooms = new SqliteRoomStore(database);

        var first = await rooms.GetOrCreateSessionAsync("standup", () => NewSession());
        var again = await rooms.GetOrCreateSessionAsync("standup", () => throw new InvalidOperationException("must not create"));
        var other = await rooms.GetOrCreateSessionAsync("retro", () => NewSession());

        Assert.Equal(first, again);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(first, await new SqliteSessionStore(database).FindAsync(first.Id));
    }

    [Fact]
    public async Task ConcurrentFirstRequestsForARoomCreateOneSession()
    {
        using var dir = new TempDataDir();
        // Separate store instances on the same file behave like separate processes sharing it.
        var stores = Enumerable.Range(0, 4).Select(_ => new SqliteRoomStore(SqliteDatabase.Open(dir.Path))).ToArray();
        var created = 0;

        var sessions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            stores[i % stores.Length].GetOrCreateSessionAsync("race", () =>
            {
                Interlocked.Increment(ref created);
                return NewSession();
            }))));

        Assert.Equal(1, created);
        Assert.Single(sessions.Select(s => s.Id).Distinct());
    }

    private static Session NewSession() =>
        new(SessionId.Create(47000001, "", Now), 47000001, MediaMode.Relayed, ArchiveMode.Manual, "", false, Now, 2);
}
