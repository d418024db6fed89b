using Duet.Scaling.Tests.Infrastructure;
using Duet.Testing.Browser;
using Microsoft.Playwright;

namespace Duet.Scaling.Tests;

/// <summary>Two people in headless Chromium, each loading the app (and its SDK) from a different node, call each other.</summary>
public sealed class CrossNodeCallTests(TwoNodes nodes) : IClassFixture<TwoNodes>, IAsyncLifetime
{
    private readonly List<BrowserUser> _users = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var user in _users)
        {
            await user.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoPeopleOnDifferentNodesCallAndMediaFlowsBothWays()
    {
        var room = "cross-" + Guid.NewGuid().ToString("N")[..8];
        var alice = await JoinRoomAsync("alice", new Uri(nodes.A.BaseUri, "/room/" + room));
        await alice.GetByRole(AriaRole.Heading, new() { Name = "Waiting for the other person", Exact = true })
            .WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        var bob = await JoinRoomAsync("bob", new Uri(nodes.B.BaseUri, "/room/" + room));

        foreach (var page in new[] { alice, bob })
        {
            await page.Locator(".duet-remote").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
            await PeerConnectionProbe.WaitForInboundMediaAsync(page);
        }
    }

    /// <summary>Opens the room page on a node and presses "Start call".</summary>
    private async Task<IPage> JoinRoomAsync(string name, Uri roomUrl)
    {
        var user = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = name, DefaultTimeout = TimeSpan.FromSeconds(20) });
        _users.Add(user);
        var page = await user.OpenAsync(roomUrl);
        var card = page.Locator(".duet-card:visible");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Click to start call", Exact = true })
            .WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        await card.GetByRole(AriaRole.Button, new() { Name = "Start call", Exact = true }).ClickAsync();
        return page;
    }
}
