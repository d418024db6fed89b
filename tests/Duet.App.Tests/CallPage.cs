using Duet.Testing.Browser;
using Microsoft.Playwright;

namespace Duet.App.Tests;

/// <summary>The call page as a person sees it: controls found by what they are (data-control) or by accessible name.</summary>
public sealed class CallPage(IPage page, string who)
{
    public IPage Page { get; } = page;

    public string Who { get; } = who;

    public ILocator Control(string name) => Page.Locator($".duet-controls [data-control='{name}']");

    public ILocator Mic => Control("mic");

    public ILocator Camera => Control("camera");

    public ILocator SwitchCamera => Control("switch-camera");

    public ILocator CallButton => Control("call");

    public ILocator RemoteAudio => Page.Locator(".duet-remote-bar [data-control='remote-audio']");

    public ILocator RemoteVideo => Page.Locator(".duet-remote-bar [data-control='remote-video']");

    public ILocator RemoteBar => Page.Locator(".duet-remote-bar");

    public ILocator RemoteTile => Page.Locator(".duet-remote");

    public ILocator RemoteAvatar => Page.Locator(".duet-remote .duet-avatar");

    public ILocator LocalTile => Page.Locator(".duet-local");

    public ILocator LocalAvatar => Page.Locator(".duet-local .duet-avatar");

    public ILocator MutedBadge => Page.Locator(".duet-muted-badge");

    public ILocator Timer => Page.Locator(".duet-timer");

    public ILocator ShareInput => Page.Locator(".duet-card:visible .duet-share input");

    public ILocator Heading(string text) => Page.GetByRole(AriaRole.Heading, new() { Name = text, Exact = true });

    /// <summary>The big button on a status card ("Start call", "Rejoin", …).</summary>
    public ILocator CardButton(string name) => Page.Locator(".duet-card:visible").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public Task WaitForHeadingAsync(string text, float timeoutMs = 20_000) =>
        Heading(text).WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = timeoutMs });

    /// <summary>Start the call from the "Click to start call" card.</summary>
    public async Task StartCallAsync()
    {
        await WaitForHeadingAsync("Click to start call");
        await CardButton("Start call").ClickAsync();
    }

    /// <summary>In the call with the other person: their tile shows and our own preview became the picture-in-picture.</summary>
    public async Task WaitForCallAsync()
    {
        await RemoteTile.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        await Assertions.Expect(LocalTile).ToHaveAttributeAsync("data-mode", "pip");
    }

    public async Task<string> PressedAsync(ILocator toggle) => await toggle.GetAttributeAsync("aria-pressed") ?? "";

    public Task<MediaStats> StatsAsync() => PeerConnectionProbe.GetStatsAsync(Page);
}
