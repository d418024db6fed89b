using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing.Faults;

namespace Duet.Signaling.Tests.Hub;

public sealed class HeartbeatTests(HeartbeatServer server) : IClassFixture<HeartbeatServer>
{
    [Fact]
    public async Task AClientWhoseNetworkGoesSilentIsDetectedByHeartbeatAndReportedAsReconnecting()
    {
        var session = await server.CreateSessionAsync();
        await using var proxy = new TcpFaultProxy(server.Process.Port);
        await using var silent = await TestClient.OpenAsync(proxy.BaseUri);
        (await silent.ConnectAsync(session, SignalingServer.Token(session))).Expect();
        var (watcher, _) = await server.JoinAsync(session);
        await silent.NextAsync("connectionCreated");

        // No close reaches the server: only the missing pings tell it the client is gone.
        proxy.Freeze();

        Assert.Equal(silent.ConnectionId, (await watcher.NextAsync("connectionReconnecting")).Str("connectionId"));

        // Idle but healthy clients are not dropped by the same heartbeat rule.
        await watcher.BarrierAsync();
        Assert.Empty(watcher.All("connectionDestroyed"));
    }
}
