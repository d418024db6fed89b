using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Duet.Core.Projects;
using Duet.Core.Tokens;
using Duet.Testing;
using Duet.Testing.Browser;
using Duet.Testing.Measurements;

// Measures how long a user waits from session.connect() to the first decoded frame of the other user's video,
// over N calls (default 20) between two headless Chromium users on loopback, and prints percentiles.
// Run: dotnet run -c Release --project bench/Duet.Bench.JoinToFirstFrame [-- calls]
// (inside `unshare -n sh -c 'ip link set lo up; …'` to keep traffic on loopback, like the tests).
var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var project = new Project(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, "bench", DateTimeOffset.UnixEpoch);

await using var server = await DuetServerProcess.StartAsync();
await using var alice = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "alice" });
await using var bob = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "bob" });
var samples = new Samples();

// join() connects, publishes, subscribes to the other stream and resolves with the ms from connect() to the
// first decoded frame of the other user's video.
const string Page = """
    <!doctype html><html><head><meta charset="utf-8"><script src="/v2/js/opentok.js"></script></head>
    <body><div id="pub"></div><div id="subs"></div><script>
      window.join = (apiKey, sessionId, token) => new Promise((resolve, reject) => {
        const started = performance.now();
        const session = OT.initSession(apiKey, sessionId);
        session.on('streamCreated', (e) => {
          const subscriber = session.subscribe(e.stream, 'subs', { insertMode: 'append' }, (err) => err && reject(err));
          subscriber.on('videoElementCreated', (v) => {
            const video = v.element;
            const onFrame = () => resolve(performance.now() - started);
            if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(onFrame); else video.addEventListener('playing', onFrame, { once: true });
          });
        });
        const publisher = OT.initPublisher('pub', { insertMode: 'append' });
        session.connect(token, (err) => err ? reject(err) : session.publish(publisher, (e) => e && reject(e)));
      });
    </script></body></html>
""";

for (var i = 0; i < calls; i++)
{
    var sessionId = await CreateSessionAsync(server);
    var alicePage = await alice.OpenTestPageAsync(new Uri(server.BaseUri, "/__bench/call.html"), Page);
    var bobPage = await bob.OpenTestPageAsync(new Uri(server.BaseUri, "/__bench/call.html"), Page);
    var key = DuetServerProcess.ApiKey.ToString(CultureInfo.InvariantCulture);

    // Alice is in the call first; the measured user is Bob, who joins a call in progress.
    await alicePage.EvaluateAsync($"() => {{ window.done = join({JsonSerializer.Serialize(key)}, {JsonSerializer.Serialize(sessionId)}, {JsonSerializer.Serialize(Token(sessionId))}); }}");
    var elapsed = await bobPage.EvaluateAsync<double>($"join({JsonSerializer.Serialize(key)}, {JsonSerializer.Serialize(sessionId)}, {JsonSerializer.Serialize(Token(sessionId))})");
    samples.Add(elapsed);
    Console.WriteLine($"call {i + 1,2}: {elapsed,7:F0} ms");
    await alicePage.CloseAsync();
    await bobPage.CloseAsync();
}

Console.WriteLine($"join → first remote frame decoded over {calls} calls: {samples.Summary("F0")}");
return 0;

string Token(string sessionId) => TokenGenerator.Generate(project, sessionId, new TokenOptions(), DateTimeOffset.UtcNow);

static async Task<string> CreateSessionAsync(DuetServerProcess server)
{
    var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    var jwt = Hs256Jwt.Sign(new JsonObject
    {
        ["iss"] = DuetServerProcess.ApiKey.ToString(CultureInfo.InvariantCulture),
        ["ist"] = "project",
        ["iat"] = now,
        ["exp"] = now + 300,
        ["jti"] = Guid.NewGuid().ToString(),
    }, DuetServerProcess.ApiSecret);
    using var http = new HttpClient { BaseAddress = server.BaseUri };
    http.DefaultRequestHeaders.Add("X-OPENTOK-AUTH", jwt);
    http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    using var response = await http.PostAsync(new Uri("/session/create", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
    response.EnsureSuccessStatusCode();
    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("session_id").GetString()!;
}
