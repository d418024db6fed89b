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

    /// <summary>Permissions granted up front; leave one out (with <see cref="AutoAcceptMediaPrompts"/> off) to simulate a person who blocked it.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = ["camera", "microphone"];

    /// <summary>
    /// Passes <c>--use-fake-ui-for-media-stream</c>, which accepts every camera/microphone prompt. Off, a device
    /// missing from <see cref="Permissions"/> is refused as if the person clicked "Block".
    /// </summary>
    public bool AutoAcceptMediaPrompts { get; init; } = true;

    /// <summary>Viewport size in CSS pixels (800×600 by default).</summary>
    public int ViewportWidth { get; init; } = 800;

    public int ViewportHeight { get; init; } = 600;

    /// <summary>Emulates a phone: touch events, mobile viewport meta handling and device scale factor 2.</summary>
    public bool Phone { get; init; }

    /// <summary>Keeps Chromium's back/forward cache on (Playwright turns it off by default).</summary>
    public bool BackForwardCache { get; init; }

    /// <summary>Default timeout for Playwright waits in this context.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
