using Duet.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

public sealed class CustomisationTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task UrlParametersHideTheCameraSwitchAndChangeTheThemeColour() => WithDiagnosticsAsync(async () =>
    {
        // Two cameras, so the switch-camera control appears unless the configuration hides it.
        var user = await LaunchAsync("alice", new BrowserUserOptions { FakeCameras = 2 });

        var plain = await OpenRoomAsync(user, NewRoomName("plain"));
        await plain.WaitForHeadingAsync("Click to start call");
        await Expect(plain.SwitchCamera).ToBeVisibleAsync();
        // It switches to the other camera (read back through the page's public OT objects).
        const string currentCamera = "() => OT.publishers.find().getVideoSource().deviceId";
        var before = await plain.Page.EvaluateAsync<string>(currentCamera);
        await plain.SwitchCamera.ClickAsync();
        await plain.Page.WaitForFunctionAsync($"before => ({currentCamera})() !== before", before);
        var defaultColour = await plain.CallButton.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");

        var custom = await OpenRoomAsync(user, NewRoomName("custom"), "?hide=switchCamera&accent=%23e11d48&label.startCall=Begin&muted=1&cameraOff=1&pip=top-left");
        await custom.WaitForHeadingAsync("Click to start call");
        await Expect(custom.CallButton).ToBeVisibleAsync();
        await Expect(custom.SwitchCamera).ToHaveCountAsync(0);
        var colour = await custom.CallButton.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        Assert.Equal("rgb(225, 29, 72)", colour);
        Assert.NotEqual(defaultColour, colour);
        await Expect(custom.CallButton).ToHaveAccessibleNameAsync("Begin");
        // Start muted and with the camera off: the toggles say so and the preview shows the avatar.
        await Expect(custom.Mic).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(custom.Camera).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(custom.LocalAvatar).ToBeVisibleAsync();
        Assert.Equal("top-left", await custom.LocalTile.GetAttributeAsync("data-corner"));
        await Artifacts.ScreenshotAsync(custom.Page, "customised");
    });
}
