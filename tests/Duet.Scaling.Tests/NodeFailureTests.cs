using Duet.Scaling.Tests.Infrastructure;
using Duet.ServerSdk;
using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing;

namespace Duet.Scaling.Tests;

/// <summary>
/// Node B is killed (no graceful shutdown) under its client. Node A notices when B's heartbeat runs out (3 s here)
/// and treats B's sockets as dropped: the client may resume on A within the grace period (4 s here), else it is gone.
/// Each test gets its own pair of nodes, since it kills one.
/// </summary>
public sealed class NodeFailureTests : IAsyncLifetime
{
    private readonly ShortGraceNodes _nodes = new();

    public Task InitializeAsync() => _nodes.InitializeAsync();

    public Task DisposeAsync() => _nodes.DisposeAsync();

    [Fact]
    public async Task AClientOfADeadNodeResumesOnTheOtherAndTheCallGoesOn()
    {
        var (session, alice, bob, bobStream) = await StartCallAsync();

        await _nodes.B.StopAsync();
        var bobOnA = await _nodes.OpenClientAsync(_nodes.A);
        var snapshot = (await bobOnA.InvokeAsync("Resume", new { sessionId = session, connectionId = bob.ConnectionId, resumeSecret = bob.ResumeSecret })).Expect();
        Assert.Equal([bobStream], snapshot.Strs("streams", "streamId"));

        (await bobOnA.InvokeAsync("Signal", new { type = "back", data = "on A", to = alice.ConnectionId })).Expect();
        Assert.Equal("on A", (await alice.NextAsync("signal", s => s.Str("type") == "back")).Str("data"));

        // Past B's heartbeat timeout and a whole grace period: A took over B's sockets, and Bob's was already replaced.
        await Task.Delay(TimeSpan.FromSeconds(10));
        await alice.BarrierAsync();
        Assert.Empty(alice.All("connectionDestroyed"));
        Assert.Empty(alice.All("streamDestroyed"));
        (await bobOnA.InvokeAsync("Signal", new { type = "still", data = "", to = alice.ConnectionId })).Expect();
        await alice.NextAsync("signal", s => s.Str("type") == "still");
    }

    [Fact]
    public async Task AClientOfADeadNodeThatNeverComesBackIsDestroyedAfterTheGracePeriod()
    {
        var (session, alice, bob, bobStream) = await StartCallAsync();

        await _nodes.B.StopAsync();

        Assert.Equal(bob.ConnectionId, (await alice.NextAsync("connectionReconnecting")).Str("connectionId"));
        var streamDestroyed = await alice.NextAsync("streamDestroyed");
        var connectionDestroyed = await alice.NextAsync("connectionDestroyed");
        Assert.Equal((bobStream, "networkDisconnected"), (streamDestroyed.Str("streamId"), streamDestroyed.Str("reason")));
        Assert.Equal((bob.ConnectionId, "networkDisconnected"), (connectionDestroyed.Str("connectionId"), connectionDestroyed.Str("reason")));

        var late = await _nodes.OpenClientAsync(_nodes.A);
        (await late.InvokeAsync("Resume", new { sessionId = session, connectionId = bob.ConnectionId, resumeSecret = bob.ResumeSecret })).ExpectError(1004);
    }

    [Fact]
    public async Task AGracePeriodTimedByANodeThatDiesIsFinishedByTheSurvivor()
    {
        var (_, alice, bob, _) = await StartCallAsync();

        bob.KillSocket();
        Assert.Equal(bob.ConnectionId, (await alice.NextAsync("connectionReconnecting")).Str("connectionId"));
        await _nodes.B.StopAsync();

        var destroyed = await alice.NextAsync("connectionDestroyed");
        Assert.Equal((bob.ConnectionId, "networkDisconnected"), (destroyed.Str("connectionId"), destroyed.Str("reason")));
    }

    /// <summary>Alice on node A, Bob on node B publishing; returns once Alice sees Bob's stream.</summary>
    private async Task<(string Session, TestClient Alice, TestClient Bob, string BobStream)> StartCallAsync()
    {
        using var duet = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, _nodes.A.BaseUri.ToString());
        var session = (await duet.CreateSessionAsync()).Id;
        var alice = await _nodes.JoinAsync(_nodes.A, session);
        var bob = await _nodes.JoinAsync(_nodes.B, session);
        var bobStream = await bob.PublishCameraAsync();
        Assert.Equal(bobStream, (await alice.NextAsync("streamCreated")).Str("streamId"));
        return (session, alice, bob, bobStream);
    }
}
