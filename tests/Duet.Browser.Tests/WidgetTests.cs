using Duet.Browser.Tests.Infrastructure;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>The default widget DOM of opentok-surface §1.8 and initPublisher's access outcomes, in real Chromium.</summary>
public sealed class WidgetTests(CallServer server) : IClassFixture<CallServer>, IAsyncLifetime
{
    private BrowserUser _user = null!;
    private CallPage _page = null!;

    public async Task InitializeAsync()
    {
        _user = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "widgets" });
        _page = await CallPage.OpenAsync(_user, server.BaseUri);
        await _page.EvalAsync("""
            document.body.insertAdjacentHTML('beforeend', '<div id="wrap"><div id="target" class="keep"></div></div>');
            window.init = (target, props) => new Promise(r => { const p = OT.initPublisher(target, props, e => r(e ? { code: e.code, name: e.name } : null)); window.last = p; p.on('videoElementCreated', ev => { window.createdVideo = ev.element; }); p.on('accessDenied', () => { window.denied = true; }); });
            """);
    }

    public async Task DisposeAsync() => await _user.DisposeAsync();

    [Fact]
    public async Task ReplaceModeTurnsTheTargetIntoTheWidgetWithDefaultSize()
    {
        await _page.EvalAsync("init('target', { name: 'Ada Lovelace' })");
        Assert.True(await _page.EvalAsync<bool>("last.id === 'target' && last.element === document.getElementById('target')"));
        var cls = await _page.EvalAsync<string>("document.getElementById('target').className");
        Assert.Contains("OT_root", cls);
        Assert.Contains("OT_publisher", cls);
        Assert.Contains("OT_mirrored", cls);
        Assert.Contains("OT_fit-mode-cover", cls);
        Assert.Equal("264px 198px hidden", await _page.EvalAsync<string>("(s => `${s.width} ${s.height} ${s.overflow}`)(document.getElementById('target').style)"));
        await _page.WaitForAsync("!document.getElementById('target').classList.contains('OT_loading')");
        Assert.Equal(1, await _page.EvalAsync<int>("document.querySelectorAll('#target .OT_widget-container > video.OT_video-element').length"));
        Assert.Equal(1, await _page.EvalAsync<int>("document.querySelectorAll('#target .OT_widget-container > .OT_video-poster').length"));
        Assert.Equal(1, await _page.EvalAsync<int>("document.querySelectorAll('#target .OT_video-loading > .OT_video-loading-spinner').length"));
        Assert.Equal("Ada Lovelace", await _page.EvalAsync<string>("document.querySelector('#target .OT_name').textContent"));
        Assert.Contains("OT_mode-auto", await _page.EvalAsync<string>("document.querySelector('#target .OT_name').className"));
        Assert.Contains("OT_edge-bar-item", await _page.EvalAsync<string>("document.querySelector('#target .OT_mute').className"));
        Assert.True(await _page.EvalAsync<bool>("document.querySelector('#target video').muted"));

        // Muting through the widget's button is publishAudio(false); camera off shows the initials poster.
        await _page.EvalAsync("document.querySelector('#target .OT_mute').click()");
        Assert.Contains("OT_active", await _page.EvalAsync<string>("document.querySelector('#target .OT_mute').className"));
        await _page.EvalAsync("void last.publishVideo(false)");
        Assert.Contains("OT_audio-only", await _page.EvalAsync<string>("document.getElementById('target').className"));
        Assert.Equal("AL", await _page.EvalAsync<string>("document.querySelector('#target .OT_video-poster').textContent"));
        Assert.Equal("block", await _page.EvalAsync<string>("getComputedStyle(document.querySelector('#target .OT_video-poster')).display"));
        await _page.EvalAsync("void last.destroy()");
        Assert.Equal(0, await _page.EvalAsync<int>("document.querySelectorAll('#target').length"));
    }

    [Fact]
    public async Task AppendBeforeAndAfterInsertNewElementsWithOwnIds()
    {
        foreach (var (mode, check) in new[]
        {
            ("append", "document.getElementById('target').lastElementChild === last.element"),
            ("before", "document.getElementById('target').previousElementSibling === last.element"),
            ("after", "document.getElementById('target').nextElementSibling === last.element"),
        })
        {
            await _page.EvalAsync($"init('target', {{ insertMode: '{mode}', width: 100, height: '50%' }})");
            Assert.True(await _page.EvalAsync<bool>(check), mode);
            Assert.True(await _page.EvalAsync<bool>("last.id.startsWith('OT_') && last.element.id === last.id && document.getElementById('target').classList.contains('keep')"), mode);
            Assert.Equal("100px 50%", await _page.EvalAsync<string>("`${last.element.style.width} ${last.element.style.height}`"));
            await _page.EvalAsync("void last.destroy()");
        }

        // No target: a new element on <body>. Small widgets get OT_mini / OT_micro.
        await _page.EvalAsync("init(undefined, { width: 60, height: 60 })");
        Assert.True(await _page.EvalAsync<bool>("last.element.parentElement === document.body"));
        await _page.WaitForAsync("last.element.classList.contains('OT_mini') && last.element.classList.contains('OT_micro')");
        await _page.EvalAsync("void last.destroy()");
    }

    [Fact]
    public async Task ShowControlsFalseAndStyleModesAndBackgroundImage()
    {
        await _page.EvalAsync("init('target', { name: 'Bob', showControls: false, publishVideo: false, style: { backgroundImageURI: 'data:image/png;base64,iVBORw0KGgo=' } })");
        Assert.True(await _page.EvalAsync<bool>("[...document.querySelectorAll('#target .OT_edge-bar-item')].every(e => e.classList.contains('OT_mode-off'))"));
        await _page.EvalAsync("void last.setStyle('nameDisplayMode', 'on')");
        Assert.Contains("OT_mode-off", await _page.EvalAsync<string>("document.querySelector('#target .OT_name').className"));
        Assert.Contains("data:image/png", await _page.EvalAsync<string>("document.querySelector('#target .OT_video-poster').style.backgroundImage"));
        Assert.Contains("OT_audio-only", await _page.EvalAsync<string>("document.getElementById('target').className"));
        await _page.EvalAsync("void last.destroy()");

        await _page.EvalAsync("""
            document.body.insertAdjacentHTML('beforeend', '<div id="styled"></div>');
            init('styled', { name: 'Cy', style: { nameDisplayMode: 'on', buttonDisplayMode: 'off' } })
            """);
        Assert.Contains("OT_mode-on", await _page.EvalAsync<string>("document.querySelector('#styled .OT_name').className"));
        Assert.Contains("OT_mode-off", await _page.EvalAsync<string>("document.querySelector('#styled .OT_mute').className"));
        Assert.Equal("off", await _page.EvalAsync<string>("last.getStyle().buttonDisplayMode"));
        await _page.EvalAsync("void last.destroy()");
    }

    [Fact]
    public async Task InsertDefaultUiFalseInsertsNothingAndHandsOutTheVideoElement()
    {
        var before = await _page.EvalAsync<int>("document.body.querySelectorAll('*').length");
        await _page.EvalAsync("init(undefined, { insertDefaultUI: false })");
        Assert.True(await _page.EvalAsync<bool>("last.element === undefined && window.createdVideo instanceof HTMLVideoElement && createdVideo.srcObject instanceof MediaStream"));
        Assert.Equal(before, await _page.EvalAsync<int>("document.body.querySelectorAll('*').length"));
        await _page.EvalAsync("void last.destroy()");
    }

    [Fact]
    public async Task AnUnavailableCameraFailsWith1500AndAccessDenied()
    {
        var error = await _page.EvalAsync("init(undefined, { videoSource: 'no-such-camera' })");
        Assert.Equal(1500, error.GetProperty("code").GetInt32());
        Assert.StartsWith("OT_", error.GetProperty("name").GetString());
        await _page.WaitForAsync("window.denied === true");
        await _page.WaitForEventAsync("OT", "exception", "e.code === 1500", timeoutMs: 2000);
    }

    [Fact]
    public async Task ACaptureTrackThatEndsFiresMediaStoppedWithThatTrack()
    {
        await _page.EvalAsync("init(undefined, {})");
        await _page.EvalAsync("window.stopped = []; last.on('mediaStopped', e => stopped.push(e.track))");
        // What the browser does when the camera is unplugged or "Stop sharing" is clicked: the track fires 'ended'.
        await _page.EvalAsync("last.getVideoSource().track.dispatchEvent(new Event('ended'))");
        await _page.WaitForAsync("stopped.length === 1 && stopped[0] === last.getVideoSource().track && stopped[0].kind === 'video'", 2000);
        // The SDK's own stop (destroy) is not a mediaStopped.
        await _page.EvalAsync("void last.destroy()");
        Assert.Equal(1, await _page.EvalAsync<int>("stopped.length"));
    }
}
