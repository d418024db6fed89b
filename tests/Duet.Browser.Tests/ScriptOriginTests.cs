using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;
using Duet.Testing;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>
/// "Swap the script tag": a customer page on its own origin loads /v2/js/opentok.js from the Duet server and the
/// SDK talks to the server it was loaded from, not to the page's origin.
/// </summary>
public sealed class ScriptOriginTests(CallServer server) : IClassFixture<CallServer>
{
    [Fact]
    public async Task ThePageOnAnotherOriginTalksToTheServerItsScriptCameFrom()
    {
        await using var user = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "customer-site" });
        // Nothing listens on the page's origin: only the script URL names the Duet server.
        var customerOrigin = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var script = new Uri(server.BaseUri, "/v2/js/opentok.js");
        var page = await user.OpenTestPageAsync(new Uri(customerOrigin, "/video-call.html"), $"""
            <!doctype html><html><head><script src="{script}"></script></head><body><div id="publisher"></div></body></html>
            """);
        Assert.Equal(server.BaseUri.GetLeftPart(UriPartial.Authority), await page.EvaluateAsync<string>("OT.properties.apiUrl"));

        var sessionId = await server.CreateSessionAsync();
        var connected = await page.EvaluateAsync<string>($$"""
            new Promise(resolve => {
              const session = OT.initSession({{JsonSerializer.Serialize(CallServer.ApiKey)}}, {{JsonSerializer.Serialize(sessionId)}});
              session.connect({{JsonSerializer.Serialize(CallServer.Token(sessionId))}}, e => resolve(e ? e.name : session.connection.connectionId));
            })
            """);
        Assert.False(connected.StartsWith("OT_", StringComparison.Ordinal), connected);
    }
}
