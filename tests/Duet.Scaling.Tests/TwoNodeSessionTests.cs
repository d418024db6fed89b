using Duet.Core.Tokens;
using Duet.Scaling.Tests.Infrastructure;
using Duet.ServerSdk;
using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Duet.Scaling.Tests;

/// <summary>One session across two nodes: clients on A and on B see each other as if they shared one server.</summary>
public sealed class TwoNodeSessionTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task BothNodesHandOutTheSameSessionForARoom()
    {
        var name = "standup-" + Guid.NewGuid().ToString("N")[..8];
        var (_, fromB, _) = await TwoNodes.RoomAsync(nodes.B, name);
        var (_, fromA, _) = await TwoNodes.RoomAsync(nodes.A, name);
        var (_, againFromB, _) = await TwoNodes.RoomAsync(nodes.B, name.ToUpperInvariant());

        Assert.Equal(fromB, fromA);
        Assert.Equal(fromB, againFromB);
    }

    [Fact]
    public async Task ClientsOnTwoNodesSeeEachOtherInOrderSignalAndFillTheRoom()
    {
        var (_, session, _) = await TwoNodes.RoomAsync(nodes.A, "call-" + Guid.NewGuid().ToString("N")[..8]);
        var alice = await nodes.JoinAsync(nodes.A, session, data: "name=alice");
        var aliceStream = await alice.PublishCameraAsync();

        var bobClient = await nodes.OpenClientAsync(nodes.B);
        var snapshot = (await bobClient.ConnectAsync(session, TwoNodes.Token(session, data: "name=bob"))).Expect();
        Assert.Equal([alice.ConnectionId, bobClient.ConnectionId], snapshot.Strs("connections", "connectionId"));
        Assert.Equal([aliceStream], snapshot.Strs("streams", "streamId"));

        var bobStream = await bobClient.PublishCameraAsync();
        var created = await alice.NextAsync("connectionCreated");
        var streamCreated = await alice.NextAsync("streamCreated");
        Assert.Equal(("name=bob", bobClient.ConnectionId), (created.Str("data"), created.Str("connectionId")));
        Assert.Equal(bobStream, streamCreated.Str("streamId"));
        Assert.True(created.Index < streamCreated.Index, "connectionCreated must come before streamCreated");

        (await alice.InvokeAsync("Signal", new { type = "chat", data = "hello from A", to = bobClient.ConnectionId })).Expect();
        var signal = await bobClient.NextAsync("signal");
        Assert.Equal(("chat", "hello from A", alice.ConnectionId), (signal.Str("type"), signal.Str("data"), signal.Str("fromConnectionId")));

        // Subscribing across nodes relays the offer to the publisher on the other node.
        var subscription = (await bobClient.InvokeAsync("Subscribe", aliceStream)).Expect();
        Assert.Equal(subscription.Str("subscriptionId"), (await alice.NextAsync("subscriberAdded")).Str("subscriptionId"));

        var third = await nodes.OpenClientAsync(nodes.B);
        (await third.ConnectAsync(session, TwoNodes.Token(session))).ExpectError(1027);
        var fourth = await nodes.OpenClientAsync(nodes.A);
        (await fourth.ConnectAsync(session, TwoNodes.Token(session))).ExpectError(1027);
    }

    [Fact]
    public async Task ASessionCreatedThroughOneNodesRestApiIsKnownToTheOther()
    {
        using var duetA = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, nodes.A.BaseUri.ToString());
        var session = await duetA.CreateSessionAsync();

        var onB = await nodes.JoinAsync(nodes.B, session.Id);
        using var duetB = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, nodes.B.BaseUri.ToString());
        Assert.Equal([onB.ConnectionId], (await duetA.ListConnectionsAsync(session.Id)).Select(c => c.ConnectionId));
        Assert.Equal([onB.ConnectionId], (await duetB.ListConnectionsAsync(session.Id)).Select(c => c.ConnectionId));
    }

    [Fact]
    public async Task ForceDisconnectThroughNodeAEndsAClientOnNodeB()
    {
        using var duet = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, nodes.A.BaseUri.ToString());
        var session = (await duet.CreateSessionAsync()).Id;
        var stayer = await nodes.JoinAsync(nodes.A, session);
        var target = await nodes.JoinAsync(nodes.B, session);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        target.Hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await duet.ForceDisconnectAsync(session, target.ConnectionId);

        Assert.Equal("forceDisconnected", (await target.NextAsync("disconnected")).Str("reason"));
        var destroyed = await stayer.NextAsync("connectionDestroyed");
        Assert.Equal((target.ConnectionId, "forceDisconnected"), (destroyed.Str("connectionId"), destroyed.Str("reason")));
        // Node B closes the socket, asked by node A (ForcedCloseSeconds after the message).
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(HubConnectionState.Disconnected, target.Hub.State);

        // The ended connection cannot come back on either node.
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            var again = await nodes.OpenClientAsync(node);
            (await again.InvokeAsync("Resume", new { sessionId = session, connectionId = target.ConnectionId, resumeSecret = target.ResumeSecret })).ExpectError(1004);
        }
    }

    [Fact]
    public async Task AModeratorOnOneNodeMutesAStreamPublishedOnTheOther()
    {
        using var duet = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, nodes.A.BaseUri.ToString());
        var session = (await duet.CreateSessionAsync()).Id;
        var moderator = await nodes.JoinAsync(nodes.A, session, Role.Moderator);
        var publisher = await nodes.JoinAsync(nodes.B, session);
        var streamId = await publisher.PublishCameraAsync();
        await moderator.NextAsync("streamCreated");

        (await moderator.InvokeAsync("ForceMuteStream", streamId)).Expect();

        Assert.Equal(streamId, (await publisher.NextAsync("muteForced")).Str("streamId"));
        var changed = await moderator.NextAsync("streamPropertyChanged");
        Assert.Equal(("hasAudio", false), (changed.Str("changedProperty"), changed.Arg.GetProperty("newValue").GetBoolean()));
    }

    [Fact]
    public async Task ResumingOnTheOtherNodeWhileTheOldSocketIsOpenClosesTheOldSocket()
    {
        using var duet = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, nodes.A.BaseUri.ToString());
        var session = (await duet.CreateSessionAsync()).Id;
        var stayer = await nodes.JoinAsync(nodes.A, session);
        var mover = await nodes.JoinAsync(nodes.B, session);
        var oldSocketClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        mover.Hub.Closed += _ =>
        {
            oldSocketClosed.TrySetResult();
            return Task.CompletedTask;
        };

        var moved = await nodes.OpenClientAsync(nodes.A);
        (await moved.InvokeAsync("Resume", new { sessionId = session, connectionId = mover.ConnectionId, resumeSecret = mover.ResumeSecret })).Expect();

        await oldSocketClosed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        (await stayer.InvokeAsync("Signal", new { type = "hi", data = "", to = mover.ConnectionId })).Expect();
        await moved.NextAsync("signal", s => s.Str("type") == "hi");
        await stayer.BarrierAsync();
        Assert.Empty(stayer.All("connectionReconnecting"));
        Assert.Empty(stayer.All("connectionDestroyed"));
    }
}
