using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Duet.Testing.Browser;

/// <summary>
/// One simulated user: a Chromium persistent context (its own profile, so its own camera/mic grant and
/// storage) with the <see cref="PeerConnectionProbe"/> installed in every page. Disposing closes the browser
/// and deletes the profile.
/// </summary>
public sealed class BrowserUser : IAsyncDisposable
{
    private readonly string _userDataDir;
    private readonly ConcurrentQueue<string> _console = new();

    internal BrowserUser(IBrowserContext context, string userDataDir, string name)
    {
        Context = context;
        _userDataDir = userDataDir;
        Name = name;
        context.Console += (_, message) => _console.Enqueue($"[{message.Type}] {message.Text}");
        context.Page += (_, page) => page.PageError += (_, error) => _console.Enqueue($"[pageerror] {error}");
    }

    public string Name { get; }

    public IBrowserContext Context { get; }

    /// <summary>What the pages logged (console messages and uncaught errors), for failure messages.</summary>
    public string ConsoleLog => string.Join('\n', _console);

    /// <summary>
    /// Opens <paramref name="html"/> as if it were served at <paramref name="url"/> (on the Duet server's origin,
    /// so relative script URLs such as <c>/v2/js/opentok.js</c> load from the server). The page is fulfilled by
    /// the browser itself, so test pages never enter the production web root.
    /// </summary>
    public async Task<IPage> OpenTestPageAsync(Uri url, string html)
    {
        await PeerConnectionProbe.InstallAsync(Context);
        await Context.RouteAsync(url.ToString(), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = html,
        }));
        var page = Context.Pages.Count == 1 && Context.Pages[0].Url == "about:blank" ? Context.Pages[0] : await Context.NewPageAsync();
        await page.GotoAsync(url.ToString());
        return page;
    }

    /// <summary>Serves a local file (e.g. a third-party script from tests/js/node_modules) at a URL of the server's origin, inside this browser only.</summary>
    public Task ServeFileAsync(Uri url, string path, string contentType = "text/javascript; charset=utf-8") =>
        Context.RouteAsync(url.ToString(), route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = contentType, Path = path }));

    /// <summary>Opens a real URL (e.g. the app served by the server) with the probe installed.</summary>
    public async Task<IPage> OpenAsync(Uri url)
    {
        await PeerConnectionProbe.InstallAsync(Context);
        var page = Context.Pages.Count == 1 && Context.Pages[0].Url == "about:blank" ? Context.Pages[0] : await Context.NewPageAsync();
        await page.GotoAsync(url.ToString());
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.CloseAsync();
        }
        catch (PlaywrightException)
        {
        }

        ChromiumLauncher.TryDelete(_userDataDir);
    }
}
