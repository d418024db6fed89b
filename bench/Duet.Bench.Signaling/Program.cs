using System.Diagnostics;
using System.Globalization;
using Duet.Bench.Signaling;
using Duet.ServerSdk;
using Duet.Testing;
using Duet.Testing.Measurements;
using Duet.Testing.Processes;

// Measures the signaling server under many concurrent calls, with .NET SignalR clients standing in for browsers:
//   join     N sessions (default 100) of two clients each open a socket and Connect, 32 sessions at a time: Connect
//            latency and joins per second (after one warm-up call, so JIT compilation is not measured);
//   signals  every client signals its peer M times (default 50) at R per second (default 5): one-way latency;
//   flood    every client signals its peer as fast as the server accepts for 5 s: signals delivered per second;
//   leave    one client of each session hangs up: time until the peer is told.
// Server memory is printed after each phase. With --nodes 2, a redis-server and two nodes share the sessions: the
// first client of each joins node A, the second node B, so every message crosses the Redis backplane.
// The server's signal rate limit is lifted so the flood measures the server, not the limiter.
// Run: dotnet run -c Release --project bench/Duet.Bench.Signaling [-- --sessions 100 --signals 50 --rate 5 --nodes 1]
// (inside `unshare -n sh -c 'ip link set lo up; …'` to keep traffic on loopback, like the tests).
var sessions = Option("--sessions", 100);
var signals = Option("--signals", 50);
var rate = Option("--rate", 5);
var nodeCount = Option("--nodes", 1);
if (sessions < 1 || signals < 1 || rate < 1 || nodeCount is < 1 or > 2)
{
    Console.Error.WriteLine("usage: [--sessions N ≥ 1] [--signals M ≥ 1] [--rate R ≥ 1] [--nodes 1|2]");
    return 2;
}

var settings = new Dictionary<string, string>
{
    ["Duet:Limits:SignalsPerSecond"] = "1000000",
    ["Duet:Limits:SignalBurst"] = "1000000",
    ["Duet:Limits:MaxConnectionsPerSession"] = "2",
};
await using var redis = nodeCount == 2 ? await RedisProcess.StartAsync() : null;
if (redis is not null)
{
    settings["Duet:Redis:Configuration"] = redis.ConnectionString;
}

var nodes = new List<DuetServerProcess>();
for (var i = 0; i < nodeCount; i++)
{
    nodes.Add(await DuetServerProcess.StartAsync(settings));
}

try
{
    Console.WriteLine($"Duet signaling benchmark: {sessions} sessions × 2 clients, {nodeCount} node(s){(redis is null ? "" : " over Redis")}, {Environment.ProcessorCount} cores (shared with the clients)");
    PrintMemory("idle");

    using var api = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, nodes[0].BaseUri.ToString());
    // One call through every phase first, so the numbers are not the first run's JIT compilation.
    var warmUp = await api.CreateSessionAsync();
    var (warmFirst, warmSecond) = (await JoinAsync(nodes[0], warmUp.Id), await JoinAsync(nodes[^1], warmUp.Id));
    await warmFirst.SignalAsync(warmSecond.ConnectionId);
    await warmFirst.HangUpAsync();
    await warmSecond.PeerLeft;
    await warmFirst.DisposeAsync();
    await warmSecond.DisposeAsync();

    // join
    var connectLatency = new Samples();
    var pairs = new (BenchClient First, BenchClient Second)[sessions];
    using var gate = new SemaphoreSlim(32);
    var joining = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, sessions).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            var session = await api.CreateSessionAsync();
            var first = await JoinAsync(nodes[0], session.Id, connectLatency);
            var second = await JoinAsync(nodes[^1], session.Id, connectLatency);
            pairs[i] = (first, second);
        }
        finally
        {
            gate.Release();
        }
    }));
    joining.Stop();
    Console.WriteLine($"join     Connect call {connectLatency.Summary()}; {2 * sessions} connections in {joining.Elapsed.TotalSeconds:F1} s ({2 * sessions / joining.Elapsed.TotalSeconds:F0}/s, incl. creating each session over REST and opening each socket)");
    PrintMemory("joined");

    // signals: paced, as a chatty app would; every client starts at a random point of its period.
    var oneWay = new Samples();
    foreach (var client in Clients())
    {
        client.Latencies = oneWay;
    }

    var period = TimeSpan.FromSeconds(1.0 / rate);
    await Task.WhenAll(Directions().Select(async way =>
    {
        await Task.Delay(TimeSpan.FromTicks(Random.Shared.NextInt64(period.Ticks)));
        for (var n = 0; n < signals; n++)
        {
            var next = Stopwatch.GetTimestamp() + (long)(period.TotalSeconds * Stopwatch.Frequency);
            await way.From.SignalAsync(way.To.ConnectionId);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }
    }));
    await WaitForAsync(() => oneWay.Count >= 2L * sessions * signals, TimeSpan.FromSeconds(30));
    Console.WriteLine($"signals  one-way {oneWay.Summary()}; {oneWay.Count} of {2L * sessions * signals} delivered, offered {2.0 * sessions * rate:F0}/s");
    PrintMemory("after signals");

    // flood: each client keeps one signal in flight, so throughput is bounded by the server's answers.
    foreach (var client in Clients())
    {
        client.Latencies = null;
    }

    var roundTrip = new Samples();
    var receivedBefore = Clients().Sum(c => c.SignalsReceived);
    var flooding = Stopwatch.StartNew();
    var stopAt = TimeSpan.FromSeconds(5);
    await Task.WhenAll(Directions().Select(async way =>
    {
        while (flooding.Elapsed < stopAt)
        {
            var started = Stopwatch.GetTimestamp();
            await way.From.SignalAsync(way.To.ConnectionId);
            roundTrip.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }));
    var sent = roundTrip.Count;
    await WaitForAsync(() => Clients().Sum(c => c.SignalsReceived) - receivedBefore >= sent, TimeSpan.FromSeconds(30));
    flooding.Stop();
    var delivered = Clients().Sum(c => c.SignalsReceived) - receivedBefore;
    Console.WriteLine($"flood    {delivered / flooding.Elapsed.TotalSeconds:F0} signals/s delivered ({delivered} of {sent} in {flooding.Elapsed.TotalSeconds:F1} s); Signal call round trip {roundTrip.Summary()}");
    PrintMemory("after flood");

    // leave
    var told = new Samples();
    await Task.WhenAll(pairs.Select(async pair =>
    {
        var started = Stopwatch.GetTimestamp();
        await pair.First.HangUpAsync();
        await pair.Second.PeerLeft.WaitAsync(TimeSpan.FromSeconds(30));
        told.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await pair.First.DisposeAsync();
        await pair.Second.DisposeAsync();
    }));
    Console.WriteLine($"leave    peer told {told.Summary()}");
    await Task.Delay(TimeSpan.FromSeconds(2));
    PrintMemory("all left");
    return 0;

    IEnumerable<BenchClient> Clients() => pairs.SelectMany(p => new[] { p.First, p.Second });

    // Both ways of every call: each client signals its peer.
    IEnumerable<(BenchClient From, BenchClient To)> Directions() => pairs.SelectMany(p => new[] { (p.First, p.Second), (p.Second, p.First) });

    async Task<BenchClient> JoinAsync(DuetServerProcess node, string sessionId, Samples? connectLatency = null)
    {
        var client = new BenchClient(node.BaseUri);
        await client.OpenAsync();
        var token = api.GenerateToken(sessionId);
        var started = Stopwatch.GetTimestamp();
        await client.ConnectAsync(DuetServerProcess.ApiKey, sessionId, token);
        connectLatency?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return client;
    }
}
catch
{
    // What went wrong on the server side is in its log.
    foreach (var node in nodes)
    {
        Console.Error.WriteLine($"--- node {node.BaseUri} log (last 60 lines) ---");
        Console.Error.WriteLine(string.Join('\n', node.Output.Split('\n').TakeLast(60)));
    }

    throw;
}
finally
{
    foreach (var node in nodes)
    {
        await node.DisposeAsync();
    }
}

void PrintMemory(string when) =>
    Console.WriteLine($"         server memory {when}: {string.Join(", ", nodes.Select(n => $"{n.WorkingSetBytes / (1024.0 * 1024):F0} MiB"))}");

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : at >= 0 ? -1 : fallback;
}

static async Task WaitForAsync(Func<bool> done, TimeSpan timeout)
{
    var deadline = Stopwatch.StartNew();
    while (!done() && deadline.Elapsed < timeout)
    {
        await Task.Delay(10);
    }
}
