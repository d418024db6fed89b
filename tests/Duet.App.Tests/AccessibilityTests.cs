using System.Text.Json;
using Duet.Testing;
using Microsoft.Playwright;

namespace Duet.App.Tests;

/// <summary>axe-core (npm, installed by ./test.sh into tests/js) run inside the page: no serious or critical violations.</summary>
public sealed class AccessibilityTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task LandingAndCallPagesHaveNoSeriousOrCriticalViolations() => WithDiagnosticsAsync(async () =>
    {
        var alice = await LaunchAsync("alice");
        var landing = await alice.OpenAsync(Fixture.Url("/"));
        await landing.GetByRole(AriaRole.Button, new() { Name = "Start a new call" }).WaitForAsync();
        await AssertNoSeriousViolationsAsync(landing, "landing");

        var room = NewRoomName("a11y");
        var a = await OpenRoomAsync(alice, room);
        await a.WaitForHeadingAsync("Click to start call");
        await AssertNoSeriousViolationsAsync(a.Page, "ready");
        await a.CardButton("Start call").ClickAsync();

        var b = await OpenRoomAsync(await LaunchAsync("bob"), room);
        await b.StartCallAsync();
        await a.WaitForCallAsync();
        await a.RemoteTile.HoverAsync();
        await AssertNoSeriousViolationsAsync(a.Page, "in call");

        // The help overlay lists the shortcuts and is reachable by keyboard.
        await a.Page.Keyboard.PressAsync("?");
        var help = a.Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await help.WaitForAsync();
        await AssertNoSeriousViolationsAsync(a.Page, "help overlay");
        await a.Page.Keyboard.PressAsync("Escape");
        await help.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        await a.CallButton.ClickAsync();
        await a.WaitForHeadingAsync("You left the call");
        await AssertNoSeriousViolationsAsync(a.Page, "ended");
    });

    private static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(RepoPaths.TestNodeModules, "axe-core", "axe.min.js") });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");
        var serious = result.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on the {where} page: {string.Join("\n", serious.Select(v => v.ToString()))}");
    }
}
