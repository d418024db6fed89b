using Microsoft.Playwright;

namespace Duet.Testing.Browser;

/// <summary>
/// Starts Debian's headless Chromium (never a downloaded browser) with fake camera/microphone devices, one
/// persistent context per simulated user, each with a fresh user-data directory. One Playwright driver
/// process is shared by the whole test assembly.
/// </summary>
public static class ChromiumLauncher
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim PlaywrightLock = new(1, 1);
    private static IPlaywright? _playwright;

    /// <summary>The flags of DEVELOPERS.md; fake media, no network chatter, ICE on loopback.</summary>
    public static IReadOnlyList<string> BaseArguments(int fakeCameras = 1)
    {
        var fake = fakeCameras > 1 ? $"--use-fake-device-for-media-stream=device-count={fakeCameras}" : "--use-fake-device-for-media-stream";
        return
        [
            fake,
            "--use-fake-ui-for-media-stream",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-loopback-in-peer-connection",
            // Media keeps flowing in background pages (two users = two pages in two windows).
            "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows",
            // Autoplay with sound without a user gesture, as a user who clicked "join" would have.
            "--autoplay-policy=no-user-gesture-required",
            // Test pages fulfilled by Playwright have no IP address space of their own; without this Chromium's
            // Local Network Access checks block their WebSocket to the loopback server.
            "--disable-features=LocalNetworkAccessChecks,LocalNetworkAccessChecksWebSockets,LocalNetworkAccessChecksWebRTC",
        ];
    }

    /// <summary>Launches one user's browser: a persistent context in a fresh user-data dir.</summary>
    public static async Task<BrowserUser> LaunchAsync(BrowserUserOptions? options = null)
    {
        options ??= new BrowserUserOptions();
        var playwright = await GetPlaywrightAsync();
        var userDataDir = Directory.CreateTempSubdirectory("duet-chromium-").FullName;
        var args = BaseArguments(options.FakeCameras).Where(a => options.AutoAcceptMediaPrompts || a != "--use-fake-ui-for-media-stream").ToList();
        args.AddRange(options.ExtraArguments);
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(userDataDir, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = args,
                IgnoreDefaultArgs = options.BackForwardCache ? ["--disable-back-forward-cache"] : [],
                Permissions = [.. options.Permissions],
                ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
                HasTouch = options.Phone,
                IsMobile = options.Phone,
                DeviceScaleFactor = options.Phone ? 2 : 1,
            });
            context.SetDefaultTimeout((float)options.DefaultTimeout.TotalMilliseconds);
            return new BrowserUser(context, userDataDir, options.Name);
        }
        catch
        {
            TryDelete(userDataDir);
            throw;
        }
    }

    internal static void TryDelete(string dir)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private static async Task<IPlaywright> GetPlaywrightAsync()
    {
        await PlaywrightLock.WaitAsync();
        try
        {
            if (_playwright is null)
            {
                Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
                if (!File.Exists(ExecutablePath))
                {
                    throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install chromium (./test.sh does this when run as root).");
                }

                _playwright = await Playwright.CreateAsync();
            }

            return _playwright;
        }
        finally
        {
            PlaywrightLock.Release();
        }
    }
}
