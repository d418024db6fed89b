using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

public sealed class LandingTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task JoinByNameChecksTheNameAndOpensThatRoom() => WithDiagnosticsAsync(async () =>
    {
        var page = await (await LaunchAsync("alice")).OpenAsync(Fixture.Url("/"));
        var name = page.GetByLabel("Call name");
        await name.FillAsync("no/slashes!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Use up to 64 letters, digits, dashes or underscores.")).ToBeVisibleAsync();
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(name).ToBeFocusedAsync();

        // Typed names are normalised the way the server compares them.
        await name.FillAsync("  Team Sync ");
        await name.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/room/team-sync$"));
        await new CallPage(page, "alice").WaitForHeadingAsync("Click to start call");
        await Expect(page).ToHaveTitleAsync(new Regex("team-sync"));
    });
}
