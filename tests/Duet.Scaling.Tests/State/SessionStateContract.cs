using System.Text;
using Duet.Core.Tokens;
using Duet.Server.Signaling.Protocol;
using Duet.Server.Signaling.State;

namespace Duet.Scaling.Tests.State;

/// <summary>
/// What every <see cref="ISessionState"/> must do, run against each implementation: limits, oldest-first order,
/// cascading removal, the pending-signal cap, the mute-all lifecycle and atomic adds under concurrency.
/// </summary>
public abstract class SessionStateContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The store under test.</summary>
    protected abstract ISessionState State { get; }

    /// <summary>The same shared state reached another way (for Redis: another connection, as another node would).</summary>
    protected abstract ISessionState SecondView { get; }

    private static string Id() => Guid.NewGuid().ToString("D");

    private static ConnectionRecord Connection(string sessionId, string? socketId = null, Role role = Role.Publisher) =>
        new(Id(), sessionId, role, "name=x", Now, Encoding.ASCII.GetBytes("secret." + Id()), socketId ?? Id(), 0);

    private static StreamRecord Stream(ConnectionRecord owner, string name = "cam") =>
        new(Id(), owner.SessionId, owner.ConnectionId, Now, name, true, true, "camera", 640, 480, 30);

    private static SubscriptionRecord Subscription(StreamRecord stream, ConnectionRecord subscriber) =>
        new(Id(), stream.SessionId, stream.StreamId, stream.ConnectionId, subscriber.ConnectionId, true, true);

    /// <summary>Records compare their byte arrays by reference; compare the secret's bytes instead.</summary>
    private static void AssertSame(ConnectionRecord? expected, ConnectionRecord? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.ResumeSecret, actual.ResumeSecret);
        Assert.Equal(expected, actual with { ResumeSecret = expected.ResumeSecret });
    }

    private async Task<ConnectionRecord> AddAsync(ConnectionRecord connection, int max = 10)
    {
        Assert.Equal(AddOutcome.Added, await State.AddConnectionAsync(connection, max));
        return connection;
    }

    [Fact]
    public async Task ConnectionsAreKeptOldestFirstUpToTheLimitPerSession()
    {
        var session = Id();
        var first = await AddAsync(Connection(session), 2);
        var second = await AddAsync(Connection(session), 2);
        Assert.Equal(AddOutcome.LimitReached, await State.AddConnectionAsync(Connection(session), 2));
        Assert.Equal(AddOutcome.Added, await State.AddConnectionAsync(Connection(Id()), 2));

        Assert.Equal([first.ConnectionId, second.ConnectionId], (await State.ListConnectionsAsync(session)).Select(c => c.ConnectionId));
        Assert.Empty(await State.ListConnectionsAsync(Id()));

        await State.RemoveConnectionAsync(first.ConnectionId);
        var third = await AddAsync(Connection(session), 2);
        Assert.Equal([second.ConnectionId, third.ConnectionId], (await State.ListConnectionsAsync(session)).Select(c => c.ConnectionId));
    }

    [Fact]
    public async Task RecordsComeBackAsTheyWereStored()
    {
        var connection = await AddAsync(Connection(Id(), role: Role.Moderator) with { Data = "ä \"quoted\" {json}", Epoch = 7 });
        AssertSame(connection, await State.FindConnectionAsync(connection.ConnectionId));

        var stream = Stream(connection) with { VideoType = null, Width = null, Height = null, FrameRate = null, AudioFallback = false };
        Assert.Equal(AddOutcome.Added, await State.AddStreamAsync(stream, 4));
        Assert.Equal(stream, await State.FindStreamAsync(stream.StreamId));

        var subscription = Subscription(stream, connection) with { PublisherUfrag = "abcd", WantsVideo = false };
        Assert.Equal(AddOutcome.Added, await State.AddSubscriptionAsync(subscription, 4));
        Assert.Equal(subscription, await State.FindSubscriptionAsync(subscription.SubscriptionId));
        Assert.Null(await State.FindConnectionAsync(Id()));
        Assert.Null(await State.FindStreamAsync(Id()));
        Assert.Null(await State.FindSubscriptionAsync(Id()));
    }

    [Fact]
    public async Task BindingMovesTheConnectionToTheNewSocketAndBumpsItsEpoch()
    {
        var connection = await AddAsync(Connection(Id()));
        Assert.Equal(connection.ConnectionId, (await State.FindConnectionBySocketAsync(connection.SocketId!))?.ConnectionId);

        var newSocket = Id();
        var bound = await State.BindSocketAsync(connection.ConnectionId, newSocket);
        Assert.Equal(newSocket, bound?.SocketId);
        Assert.Equal(1, bound?.Epoch);
        Assert.Null(await State.FindConnectionBySocketAsync(connection.SocketId!));
        AssertSame(bound, await State.FindConnectionBySocketAsync(newSocket));

        Assert.Null(await State.UnbindSocketAsync(connection.ConnectionId, connection.SocketId!));
        var unbound = await State.UnbindSocketAsync(connection.ConnectionId, newSocket);
        Assert.Null(unbound?.SocketId);
        Assert.Equal(2, unbound?.Epoch);
        Assert.Null(await State.FindConnectionBySocketAsync(newSocket));
        AssertSame(unbound, await State.FindConnectionAsync(connection.ConnectionId));

        Assert.Null(await State.BindSocketAsync(Id(), Id()));
        Assert.Null(await State.UnbindSocketAsync(Id(), newSocket));
    }

    [Fact]
    public async Task RemovingAConnectionTakesItsStreamsAndEverySubscriptionItIsAnEndOf()
    {
        var session = Id();
        var alice = await AddAsync(Connection(session));
        var bob = await AddAsync(Connection(session));
        var aliceCam = Stream(alice, "cam");
        var aliceScreen = Stream(alice, "screen");
        var bobCam = Stream(bob, "cam");
        foreach (var stream in new[] { aliceCam, bobCam, aliceScreen })
        {
            Assert.Equal(AddOutcome.Added, await State.AddStreamAsync(stream, 4));
        }

        var bobOnAliceCam = Subscription(aliceCam, bob);
        var bobOnAliceScreen = Subscription(aliceScreen, bob);
        var aliceOnBobCam = Subscription(bobCam, alice);
        var bobOnBobCam = Subscription(bobCam, bob);
        foreach (var subscription in new[] { bobOnAliceCam, aliceOnBobCam, bobOnAliceScreen, bobOnBobCam })
        {
            Assert.Equal(AddOutcome.Added, await State.AddSubscriptionAsync(subscription, 3));
        }

        await State.AddPendingSignalAsync(alice.ConnectionId, new SignalMessage("t", "d", null), 10);
        var removed = await State.RemoveConnectionAsync(alice.ConnectionId);

        Assert.NotNull(removed);
        Assert.Equal(alice.ConnectionId, removed.Connection.ConnectionId);
        Assert.Equal([aliceCam.StreamId, aliceScreen.StreamId], removed.Streams.Select(s => s.StreamId));
        // Legs of its streams (stream by stream), then legs it subscribed to.
        Assert.Equal([bobOnAliceCam.SubscriptionId, bobOnAliceScreen.SubscriptionId, aliceOnBobCam.SubscriptionId],
            removed.Subscriptions.Select(s => s.SubscriptionId));

        Assert.Null(await State.FindConnectionAsync(alice.ConnectionId));
        Assert.Null(await State.FindConnectionBySocketAsync(alice.SocketId!));
        Assert.Null(await State.FindStreamAsync(aliceCam.StreamId));
        Assert.Null(await State.FindSubscriptionAsync(bobOnAliceCam.SubscriptionId));
        Assert.Null(await State.FindSubscriptionAsync(aliceOnBobCam.SubscriptionId));
        Assert.Empty(await State.TakePendingSignalsAsync(alice.ConnectionId));
        Assert.Equal([bobCam.StreamId], (await State.ListStreamsAsync(session)).Select(s => s.StreamId));
        Assert.Equal(bobOnBobCam, await State.FindSubscriptionAsync(bobOnBobCam.SubscriptionId));
        Assert.Null(await State.RemoveConnectionAsync(alice.ConnectionId));

        // Bob's removed legs no longer count against his limit of 3.
        Assert.Equal(AddOutcome.Added, await State.AddSubscriptionAsync(Subscription(bobCam, bob), 3));
        Assert.Equal(AddOutcome.Added, await State.AddSubscriptionAsync(Subscription(bobCam, bob), 3));
        Assert.Equal(AddOutcome.LimitReached, await State.AddSubscriptionAsync(Subscription(bobCam, bob), 3));
    }

    [Fact]
    public async Task StreamsAreLimitedPerConnectionListedOldestFirstAndRemovedWithTheirSubscriptions()
    {
        var session = Id();
        var alice = await AddAsync(Connection(session));
        var bob = await AddAsync(Connection(session));
        Assert.Equal(AddOutcome.OwnerMissing, await State.AddStreamAsync(Stream(Connection(session)), 2));

        var first = Stream(alice, "one");
        var second = Stream(bob, "two");
        var third = Stream(alice, "three");
        Assert.Equal(AddOutcome.Added, await State.AddStreamAsync(first, 2));
        Assert.Equal(AddOutcome.Added, await State.AddStreamAsync(second, 2));
        Assert.Equal(AddOutcome.Added, await State.AddStreamAsync(third, 2));
        Assert.Equal(AddOutcome.LimitReached, await State.AddStreamAsync(Stream(alice), 2));
        Assert.Equal([first.StreamId, second.StreamId, third.StreamId], (await State.ListStreamsAsync(session)).Select(s => s.StreamId));

        var muted = first with { HasAudio = false, Width = 1280, Height = 720 };
        Assert.True(await State.UpdateStreamAsync(muted));
        Assert.Equal(muted, await State.FindStreamAsync(first.StreamId));
        Assert.False(await State.UpdateStreamAsync(Stream(alice)));

        var leg = Subscription(first, bob);
        Assert.Equal(AddOutcome.Added, await State.AddSubscriptionAsync(leg, 4));
        var removed = await State.RemoveStreamAsync(first.StreamId);
        Assert.Equal(muted, removed?.Stream);
        Assert.Equal([leg], removed?.Subscriptions);
        Assert.Null(await State.FindSubscriptionAsync(leg.SubscriptionId));
        Assert.Null(await State.RemoveStreamAsync(first.StreamId));
        Assert.Equal([second.StreamId, third.StreamId], (await State.ListStreamsAsync(session)).Select(s => s.StreamId));
        Assert.Equal(AddOutcome.Added, await State.AddStreamAsync(Stream(alice), 2));
    }

    [Fact]
    public async Task SubscriptionsNeedTheirStreamAndSubscriberAndAreLimitedPerSubscriber()
    {
        var session = Id();
        var alice = await AddAsync(Connection(session));
        var bob = await AddAsync(Connection(session));
        var cam = Stream(alice);
        Assert.Equal(AddOutcome.OwnerMissing, await State.AddSubscriptionAsync(Subscription(cam, bob), 2));
        Assert.Equal(AddOutcome.Added, await State.AddStreamAsync(cam, 4));
        Assert.Equal(AddOutcome.OwnerMissing, await State.AddSubscriptionAsync(Subscription(cam, Connection(session)), 2));

        var first = Subscription(cam, bob);
        Assert.Equal(AddOutcome.Added, await State.AddSubscriptionAsync(first, 2));
        Assert.Equal(AddOutcome.Added, await State.AddSubscriptionAsync(Subscription(cam, bob), 2));
        Assert.Equal(AddOutcome.LimitReached, await State.AddSubscriptionAsync(Subscription(cam, bob), 2));
        Assert.Equal(AddOutcome.Added, await State.AddSubscriptionAsync(Subscription(cam, alice), 2));

        var audioOnly = first with { WantsVideo = false, SubscriberUfrag = "ufrag" };
        Assert.True(await State.UpdateSubscriptionAsync(audioOnly));
        Assert.Equal(audioOnly, await State.FindSubscriptionAsync(first.SubscriptionId));
        Assert.Equal(audioOnly, await State.RemoveSubscriptionAsync(first.SubscriptionId));
        Assert.Null(await State.RemoveSubscriptionAsync(first.SubscriptionId));
        Assert.False(await State.UpdateSubscriptionAsync(first));
        Assert.Equal(AddOutcome.Added, await State.AddSubscriptionAsync(Subscription(cam, bob), 2));
    }

    [Fact]
    public async Task PendingSignalsAreCappedDroppingTheOldestAndTakenOnce()
    {
        var connection = await AddAsync(Connection(Id()));
        for (var i = 0; i < 5; i++)
        {
            await State.AddPendingSignalAsync(connection.ConnectionId, new SignalMessage("t", i.ToString(System.Globalization.CultureInfo.InvariantCulture), i == 0 ? null : "from"), 3);
        }

        Assert.Equal(["2", "3", "4"], (await State.TakePendingSignalsAsync(connection.ConnectionId)).Select(s => s.Data));
        Assert.Empty(await State.TakePendingSignalsAsync(connection.ConnectionId));

        var unknown = Id();
        await State.AddPendingSignalAsync(unknown, new SignalMessage("t", "d", null), 3);
        Assert.Empty(await State.TakePendingSignalsAsync(unknown));
        await State.AddPendingSignalAsync(connection.ConnectionId, new SignalMessage("t", "d", null), 0);
        Assert.Empty(await State.TakePendingSignalsAsync(connection.ConnectionId));

        var kept = new SignalMessage("type", "data", null);
        await State.AddPendingSignalAsync(connection.ConnectionId, kept, 3);
        Assert.Equal([kept], await State.TakePendingSignalsAsync(connection.ConnectionId));
    }

    [Fact]
    public async Task MuteAllHoldsOnlyWhileTheSessionHasConnections()
    {
        var session = Id();
        await State.SetForceMuteAllAsync(session, true);
        Assert.False(await State.IsForceMuteAllActiveAsync(session));

        var alice = await AddAsync(Connection(session));
        var bob = await AddAsync(Connection(session));
        await State.SetForceMuteAllAsync(session, true);
        Assert.True(await State.IsForceMuteAllActiveAsync(session));
        await State.SetForceMuteAllAsync(session, false);
        Assert.False(await State.IsForceMuteAllActiveAsync(session));

        await State.SetForceMuteAllAsync(session, true);
        await State.RemoveConnectionAsync(alice.ConnectionId);
        Assert.True(await State.IsForceMuteAllActiveAsync(session));
        await State.RemoveConnectionAsync(bob.ConnectionId);
        Assert.False(await State.IsForceMuteAllActiveAsync(session));

        await AddAsync(Connection(session));
        Assert.False(await State.IsForceMuteAllActiveAsync(session));
    }

    [Fact]
    public async Task ConcurrentJoinsRacingForTheLastSeatsAdmitExactlyTheLimit()
    {
        const int max = 5;
        var session = Id();
        var attempts = Enumerable.Range(0, 40)
            .Select(i => Task.Run(async () => await (i % 2 == 0 ? State : SecondView).AddConnectionAsync(Connection(session), max)))
            .ToArray();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(max, outcomes.Count(o => o == AddOutcome.Added));
        Assert.Equal(max, (await SecondView.ListConnectionsAsync(session)).Count);
    }
}
