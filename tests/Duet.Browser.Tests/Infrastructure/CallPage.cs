using System.Text.Json;
using Duet.Testing.Browser;
using Microsoft.Playwright;

namespace Duet.Browser.Tests.Infrastructure;

/// <summary>
/// A test page on the Duet server's origin that loads the SDK from <c>/v2/js/opentok.js</c> (as a customer page
/// would) plus a small harness (<c>window.H</c>) that records every SDK event for assertions.
/// </summary>
public sealed class CallPage
{
    private static readonly string Harness = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "harness.js"));

    private CallPage(BrowserUser user, IPage page)
    {
        User = user;
        Page = page;
    }

    public BrowserUser User { get; }

    public IPage Page { get; }

    /// <summary>Opens a call page; <paramref name="bootScript"/> runs at load, after the harness, without any user activation
    /// (everything a test evaluates later counts as a user gesture).</summary>
    public static async Task<CallPage> OpenAsync(BrowserUser user, Uri server, string path = "/__test/call.html", string bootScript = "")
    {
        var html = $"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Duet test call</title>
            <script src="/v2/js/opentok.js"></script>
            <script>{Harness}</script>
            <script>{bootScript}</script>
            </head><body><div id="pub"></div><div id="subs"></div></body></html>
            """;
        var page = await user.OpenTestPageAsync(new Uri(server, path), html);
        return new CallPage(user, page);
    }

    private static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement;

    /// <summary>Evaluates JS; <c>null</c> and <c>undefined</c> both come back as a JSON null.</summary>
    public async Task<JsonElement> EvalAsync(string expression) => await Page.EvaluateAsync(expression) ?? JsonNull;

    public Task<T> EvalAsync<T>(string expression) => Page.EvaluateAsync<T>(expression);

    /// <summary>initSession + connect; returns the connect callback's error (null on success).</summary>
    public async Task<JsonElement> ConnectAsync(string sessionId, string token, string? sessionOptionsJson = null, bool autoSubscribe = false)
    {
        await EvalAsync($"H.init({JsonSerializer.Serialize(CallServer.ApiKey)}, {JsonSerializer.Serialize(sessionId)}, {sessionOptionsJson ?? "undefined"})");
        if (autoSubscribe)
        {
            await EvalAsync("H.autoSubscribe()");
        }

        return await EvalAsync($"H.connect({JsonSerializer.Serialize(token)})");
    }

    /// <summary>Connects, subscribes to every other stream, and publishes the fake camera/mic.</summary>
    public async Task JoinAsync(string sessionId, string token, bool publish = true, string publisherPropsJson = "{}", string? sessionOptionsJson = null)
    {
        var error = await ConnectAsync(sessionId, token, sessionOptionsJson, autoSubscribe: true);
        Assert.True(error.ValueKind == JsonValueKind.Null, $"connect failed: {error}\n{User.ConsoleLog}");
        if (publish)
        {
            var accessError = await EvalAsync($"H.initPublisher({publisherPropsJson})");
            Assert.True(accessError.ValueKind == JsonValueKind.Null, $"initPublisher failed: {accessError}");
            var published = await EvalAsync("H.publish()");
            Assert.True(published.TryGetProperty("streamIdAtCallback", out var id) && id.ValueKind == JsonValueKind.String, $"publish failed: {published}\n{User.ConsoleLog}");
        }
    }

    /// <summary>Waits until the harness recorded an event matching <paramref name="predicate"/> (a JS expression over <c>e</c>).</summary>
    public async Task<JsonElement> WaitForEventAsync(string src, string type, string predicate = "true", float timeoutMs = 10_000)
    {
        var js = $"() => H.log.find(e => e.src === {JsonSerializer.Serialize(src)} && e.type === {JsonSerializer.Serialize(type)} && ({predicate})) || null";
        try
        {
            var handle = await Page.WaitForFunctionAsync(js, null, new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 50 });
            return await handle.JsonValueAsync<JsonElement>();
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {src} '{type}' event matching ({predicate}) within {timeoutMs} ms. Events: {await EventsJsonAsync()}\nConsole: {User.ConsoleLog}");
        }
    }

    public async Task<JsonElement[]> EventsAsync(string? src = null, string? type = null) =>
        (await EvalAsync($"H.events({JsonSerializer.Serialize(src)}, {JsonSerializer.Serialize(type)})")).EnumerateArray().ToArray();

    public async Task<string> EventsJsonAsync() => (await EvalAsync("H.log")).GetRawText();

    /// <summary>Waits until a JS expression is truthy.</summary>
    public async Task WaitForAsync(string expression, float timeoutMs = 10_000)
    {
        try
        {
            await Page.WaitForFunctionAsync($"() => {expression}", null, new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 50 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"'{expression}' did not become true within {timeoutMs} ms. Events: {await EventsJsonAsync()}\nConsole: {User.ConsoleLog}");
        }
    }

    public Task<MediaStats> StatsAsync() => PeerConnectionProbe.GetStatsAsync(Page);
}
