using Duet.Scaling.Tests.Infrastructure;
using Duet.ServerSdk;
using Duet.Testing;

namespace Duet.Scaling.Tests;

/// <summary>
/// Many people join two nodes that have just started, all at once. Each node's first Connects are the ones that
/// could meet anything still loaded on first use; every Connect must succeed, on both nodes.
/// Its own pair of nodes, so they are fresh.
/// </summary>
public sealed class JoinRushTests : IAsyncLifetime
{
    private readonly TwoNodes _nodes = new();

    public Task InitializeAsync() => _nodes.InitializeAsync();

    public Task DisposeAsync() => _nodes.DisposeAsync();

    [Fact]
    public async Task FortyCallsJoiningFreshNodesAtOnceAllConnect()
    {
        using var api = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, _nodes.A.BaseUri.ToString());
        var sessions = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => api.CreateSessionAsync()));

        // Both people of every call at the same moment: one on each node.
        var joins = sessions.SelectMany(s => new[] { (_nodes.A, s.Id), (_nodes.B, s.Id) })
            .Select(async join =>
            {
                var client = await _nodes.OpenClientAsync(join.Item1);
                return await client.ConnectAsync(join.Id, TwoNodes.Token(join.Id));
            });
        var replies = await Task.WhenAll(joins);

        Assert.All(replies, reply => Assert.True(reply.Ok, reply.ToString()));
    }
}
