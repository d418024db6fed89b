namespace Duet.Testing.Browser;

/// <summary>How to launch one simulated user's Chromium.</summary>
public sealed record BrowserUserOptions
{
    /// <summary>A label for failure messages ("alice", "bob").</summary>
    public string Name { get; init; } = "user";

    /// <summary>How many fake cameras Chromium offers (cycleVideo tests want two).</summary>
    public int FakeCameras { get; init; } = 1;

    /// <summary>Extra Chromium flags.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Default timeout for Playwright waits in this context.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
