using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duet.App.Tests;

public sealed class NavigationTests(AppServerFixture fixture) : AppTestBase(fixture)
{
    [Fact]
    public Task LeavingTheCallPageEndsTheCallAndComingBackOffersALiveCallAgain() => WithDiagnosticsAsync(async () =>
    {
        var room = NewRoomName("back");
        var alice = await LaunchAsync("alice", new() { BackForwardCache = true });
        await alice.Context.AddInitScriptAsync(CountRestores);
        var a = await OpenRoomAsync(alice, room);
        await a.StartCallAsync();
        var b = await OpenRoomAsync(await LaunchAsync("bob"), room);
        await b.StartCallAsync();
        await a.WaitForCallAsync();
        await b.WaitForCallAsync();

        // Alice goes to another page: she leaves the call at once, and Bob is back to waiting.
        await a.Page.GotoAsync(Fixture.Url("/healthz").ToString());
        await b.WaitForHeadingAsync("Waiting for the other person");

        // Back, from the back/forward cache: a working page again, not the call torn down on pagehide.
        await a.Page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit }); // a restore from the cache fires no load event
        await a.WaitForHeadingAsync("Click to start call");
        var restores = await a.Page.EvaluateAsync<string>(RestoresOrWhyNot);
        Assert.True(restores == "1", restores);
        await a.StartCallAsync();
        await a.WaitForCallAsync();
        await b.WaitForCallAsync();
        await Expect(b.RemoteTile).ToBeVisibleAsync();
    });

    [Fact]
    public Task TheEmbeddedElementAlsoComesBackLiveFromTheBackForwardCache() => WithDiagnosticsAsync(async () =>
    {
        var user = await LaunchAsync("alice", new() { BackForwardCache = true });
        await user.Context.AddInitScriptAsync(CountRestores);
        var a = new CallPage(await user.OpenAsync(Fixture.Url("/duet-call-example.html")), "alice");
        await a.StartCallAsync();
        await a.WaitForHeadingAsync("Waiting for the other person");

        await a.Page.GotoAsync(Fixture.Url("/healthz").ToString());
        await a.Page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit }); // a restore from the cache fires no load event
        await a.WaitForHeadingAsync("Click to start call");
        var restores = await a.Page.EvaluateAsync<string>(RestoresOrWhyNot);
        Assert.True(restores == "1", restores);
        await a.StartCallAsync();
        await a.WaitForHeadingAsync("Waiting for the other person");
    });

    [Fact]
    public Task ARoomPathThatIsNotValidPercentEncodingShowsTheSameErrorAsAnyBadRoomName() => WithDiagnosticsAsync(async () =>
    {
        // decodeURIComponent threw on "/room/%E0%A4%A" while the app script loaded: a blank page.
        var user = await LaunchAsync("alice");
        var bad = await OpenRoomAsync(user, "not.a.room");
        var heading = bad.Page.GetByRole(AriaRole.Heading).First;
        await heading.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var expected = await heading.InnerTextAsync();

        var malformed = await OpenRoomAsync(user, "%E0%A4%A");

        await malformed.WaitForHeadingAsync(expected);
    });

    /// <summary>"1" after one restore from the cache; else Chromium's reasons for not keeping the page.</summary>
    private const string RestoresOrWhyNot =
        "sessionStorage.bfcacheRestores || JSON.stringify(performance.getEntriesByType('navigation')[0].notRestoredReasons)";

    /// <summary>Counts restores from the back/forward cache in sessionStorage (which outlives a reload that may follow one).</summary>
    private const string CountRestores =
        "addEventListener('pageshow', e => { if (e.persisted) sessionStorage.bfcacheRestores = String(Number(sessionStorage.bfcacheRestores || 0) + 1); })";
}
