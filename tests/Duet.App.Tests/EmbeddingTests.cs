using System.Net.Http.Json;
using System.Text.Json;
using Duet.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

/// <summary>The other ways in: the &lt;duet-call&gt; element on a plain page, and credentials from the page instead of rooms.</summary>
public sealed class EmbeddingTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task DuetCallElementOnTheExamplePageMakesACall() => WithDiagnosticsAsync(async () =>
    {
        // The example page has no SDK script: the element loads it from its server attribute.
        var a = new CallPage(await (await LaunchAsync("alice")).OpenAsync(Fixture.Url("/duet-call-example.html")), "alice");
        await Expect(a.Page.Locator("duet-call")).ToBeVisibleAsync();
        await a.WaitForHeadingAsync("Click to start call");
        // The attributes take effect inside the shadow root: green accent on the start button, no stats control.
        Assert.Equal("rgb(14, 159, 110)", await a.CallButton.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        await Expect(a.Control("stats")).ToHaveCountAsync(0);
        await a.StartCallAsync();
        var b = new CallPage(await (await LaunchAsync("bob")).OpenAsync(Fixture.Url("/duet-call-example.html")), "bob");
        await b.StartCallAsync();
        await a.WaitForCallAsync();
        await b.WaitForCallAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(a.Page);
        Assert.Equal("top-right", await a.LocalTile.GetAttributeAsync("data-corner"));
        await Artifacts.ScreenshotAsync(a.Page, "embedded-element");

        // Removing the element leaves the call: the other side goes back to waiting.
        await a.Page.EvaluateAsync("() => document.querySelector('duet-call').remove()");
        await b.WaitForHeadingAsync("Waiting for the other person");
    });

    [Fact]
    public Task DuetCallElementOnAnotherSiteMakesACall() => WithDiagnosticsAsync(async () =>
    {
        // docs/app.md's snippet for "any website": the page is on another origin (localhost, not the server's 127.0.0.1),
        // so the browser fetches the module and the room's credentials with CORS; both were refused.
        var server = Fixture.Server.BaseUri.ToString().TrimEnd('/');
        var room = NewRoomName("elsewhere");
        var html = $$"""
            <!doctype html><html><body>
            <script type="module" src="{{server}}/app/duet-call.js"></script>
            <duet-call room="{{room}}" server="{{server}}" style="height: 560px"></duet-call>
            </body></html>
            """;
        var a = new CallPage(await (await LaunchAsync("alice")).OpenTestPageAsync(new Uri("http://localhost:5999/shop.html"), html), "alice");
        await a.StartCallAsync();
        var b = await OpenRoomAsync(await LaunchAsync("bob"), room);
        await b.StartCallAsync();
        await a.WaitForCallAsync();
        await b.WaitForCallAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(a.Page);
    });

    [Fact]
    public Task CredentialsFromThePageAndSubscribeToSelfShowYourOwnVideoThroughAPeerConnection() => WithDiagnosticsAsync(async () =>
    {
        // A customer backend made these credentials (here: the rooms endpoint, called from the test, not the page).
        using var http = new HttpClient { BaseAddress = Fixture.Server.BaseUri };
        var credentials = await http.GetFromJsonAsync<JsonElement>($"/api/rooms/{NewRoomName("creds")}");
        var query = $"?apiKey={credentials.GetProperty("apiKey")}&sessionId={Uri.EscapeDataString(credentials.GetProperty("sessionId").GetString()!)}" +
                    $"&token={Uri.EscapeDataString(credentials.GetProperty("token").GetString()!)}&self=1&name=Solo";
        var page = new CallPage(await (await LaunchAsync("solo")).OpenAsync(Fixture.Url("/" + query)), "solo");
        await page.StartCallAsync();
        await page.WaitForCallAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(page.Page);
        // No room, so there is no link to share.
        await Expect(page.Page.Locator(".duet-share-top")).ToBeHiddenAsync();
    });
}
