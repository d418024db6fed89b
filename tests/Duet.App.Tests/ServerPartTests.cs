using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Duet.Testing;
using Duet.Testing.Browser;
using Microsoft.Playwright;

namespace Duet.App.Tests;

/// <summary>The server side of the app: the call page route, the PWA files, and LAN mode's HTTPS.</summary>
[Collection(AppCollection.Name)]
public sealed class ServerPartTests(AppServerFixture fixture)
{
    [Fact]
    public async Task RoomPathServesTheAppPageAndThePwaFilesAreThere()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUri };
        var room = await http.GetAsync(new Uri("/room/calm-river-42", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, room.StatusCode);
        Assert.Equal("text/html", room.Content.Headers.ContentType?.MediaType);
        var html = await room.Content.ReadAsStringAsync();
        Assert.Contains("/v2/js/opentok.js", html, StringComparison.Ordinal);
        Assert.Contains("/app/app.js", html, StringComparison.Ordinal);

        var manifest = JsonDocument.Parse(await http.GetStringAsync(new Uri("/manifest.webmanifest", UriKind.Relative)));
        foreach (var icon in manifest.RootElement.GetProperty("icons").EnumerateArray())
        {
            var response = await http.GetAsync(new Uri(icon.GetProperty("src").GetString()!, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{icon} → {response.StatusCode}");
        }

        // LAN mode is off: nothing to show (204 rather than 404 keeps the landing page's console clean).
        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync(new Uri("/api/lan", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/duet-call-example.html", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/v2/js/opentok.js")]
    [InlineData("/v2/js/opentok.min.js")]
    public async Task BothOfOpenToksScriptUrlsServeTheSdk(string path)
    {
        // OpenTok's samples load static.opentok.com/v2/js/opentok.min.js: swapping only the host was a 404.
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUri };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("initSession", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/app/duet-call.js")]
    [InlineData("/v2/js/opentok.js")]
    [InlineData("/api/rooms/embedded-elsewhere")]
    public async Task WhatADuetCallElementOnAnotherSiteFetchesIsOpenToEveryOrigin(string path)
    {
        // Without Access-Control-Allow-Origin, a browser refuses the <duet-call> module (ES modules are fetched with
        // CORS) and the room's credentials to any page not on the server's own origin.
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", "https://shop.example");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task TheRestApiIsNotOpenToOtherOrigins()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/session/create", UriKind.Relative));
        request.Headers.Add("Origin", "https://shop.example");

        using var response = await http.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task TheLanFlagKeepsTheArgumentAfterIt()
    {
        // The command-line configuration read "--lan --Duet:Lan:HttpsPort=N" as lan = "--Duet:Lan:HttpsPort=N": the
        // setting after the flag was lost (here the HTTPS port, so the server took 5443 instead).
        var httpsPort = FreePort.Next();
        await using var server = await DuetServerProcess.StartAsync(
            args: ["--lan", $"--Duet:Lan:HttpsPort={httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]);
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var lan = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/lan", UriKind.Relative)));

        Assert.EndsWith($":{httpsPort}/", lan.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanModeKeepsItsCertificateInTheDataDirUnderTheContentRoot()
    {
        // A relative Duet:DataDir put duet.db under the content root but the certificate under the working directory.
        var contentRoot = Directory.CreateTempSubdirectory("duet-root-").FullName;
        try
        {
            await using var server = await DuetServerProcess.StartAsync(
                new Dictionary<string, string> { ["Duet:DataDir"] = "data" },
                args: ["--lan", $"--Duet:Lan:HttpsPort={FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)}", "--contentRoot", contentRoot]);

            Assert.True(File.Exists(Path.Combine(contentRoot, "data", "duet.db")));
            Assert.True(File.Exists(Path.Combine(contentRoot, "data", "lan-certificate.pfx")), "the certificate is not next to duet.db");
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task LanModeWithADataDirThatIsAFileStopsStartUpWithAClearMessage()
    {
        // Directory.CreateDirectory's IOException for the certificate escaped: a stack trace and exit code 134.
        var file = Path.GetTempFileName();
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(
                new Dictionary<string, string> { ["Duet:DataDir"] = file }, args: ["--lan"]));

            Assert.Contains("The server exited with 1:", error.Message, StringComparison.Ordinal);
            Assert.Contains("Duet cannot start: Duet:Lan:CertificateFile", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task LanModeServesHttpsWithASelfSignedCertificateMadeOnFirstUseAndShowsTheUrl()
    {
        var httpsPort = FreePort.Next();
        var settings = new Dictionary<string, string> { ["Duet:Lan:Enabled"] = "true", ["Duet:Lan:HttpsPort"] = httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var server = await DuetServerProcess.StartAsync(settings);
        var certificatePath = Path.Combine(server.DataDir, "lan-certificate.pfx");
        Assert.True(File.Exists(certificatePath), "the certificate was not saved in the data directory");

        X509Certificate2? seen = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            {
                seen = certificate is null ? null : new X509Certificate2(certificate);
                return errors == SslPolicyErrors.RemoteCertificateChainErrors; // self-signed: only the chain is untrusted
            },
        };
        using var https = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{httpsPort}") };
        // Kestrel binds its addresses one after another: the HTTP /healthz the server fixture waited for can answer
        // a moment before the HTTPS listener is bound.
        HttpResponseMessage? health = null;
        for (var attempt = 0; health is null; attempt++)
        {
            try
            {
                health = await https.GetAsync(new Uri("/healthz", UriKind.Relative));
            }
            catch (HttpRequestException ex) when (attempt < 50)
            {
                _ = ex;
                await Task.Delay(100);
            }
        }

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.NotNull(seen);
        Assert.Equal(seen!.Subject, seen.Issuer);

        var lan = JsonDocument.Parse(await https.GetStringAsync(new Uri("/api/lan", UriKind.Relative))).RootElement;
        var url = lan.GetProperty("url").GetString()!;
        Assert.StartsWith("https://", url, StringComparison.Ordinal);
        Assert.EndsWith($":{httpsPort}/", url, StringComparison.Ordinal);
        Assert.Contains("<svg", lan.GetProperty("qrSvg").GetString()!, StringComparison.Ordinal);
        Assert.Contains($"Duet on your network: {url}", server.Output, StringComparison.Ordinal);
        Assert.Contains("█", server.Output, StringComparison.Ordinal);

        // The landing page shows the LAN address and its QR code.
        await using (var user = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "lan" }))
        {
            var landing = await user.OpenAsync(server.BaseUri);
            var qr = landing.GetByRole(AriaRole.Img, new() { Name = url });
            await Assertions.Expect(qr).ToBeVisibleAsync();
            Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code image did not load");
            await Assertions.Expect(landing.GetByText($"Scan to open {url}")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(landing, "landing-lan");
        }

        // The plain HTTP address keeps working, and a restart reuses the same certificate.
        using var plain = new HttpClient { BaseAddress = server.BaseUri };
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        var before = await File.ReadAllBytesAsync(certificatePath);
        await server.RestartAsync();
        Assert.Equal(before, await File.ReadAllBytesAsync(certificatePath));
    }
}
