using Duet.Testing;
using Microsoft.Playwright;

namespace Duet.App.Tests;

/// <summary>Screenshots for people to look at, in test-artifacts/app/ at the repository root (gitignored).</summary>
public static class Artifacts
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "test-artifacts", "app")).FullName;

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        // Let transitions settle so the picture shows the state, not the animation towards it.
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, $"{name}.png") });
    }
}
