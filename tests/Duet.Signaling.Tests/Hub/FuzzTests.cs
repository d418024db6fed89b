using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Duet.Core.Tokens;
using Duet.ServerSdk;
using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Duet.Signaling.Tests.Hub;

/// <summary>
/// 10,000 random and malformed hub invocations (wrong argument types and counts, nulls, huge strings, unknown
/// methods and IDs, calls out of order, IDs from another session) from clients of two sessions with every role.
/// Afterwards the server must still serve, must never have thrown inside the hub, and its state must hang together.
/// </summary>
public sealed class FuzzTests(FuzzServer server, ITestOutputHelper output) : IClassFixture<FuzzServer>
{
    private const int TotalInvocations = 10_000;
    private const int Actors = 6;

    private static readonly string[] Methods =
    [
        "Connect", "Resume", "Disconnect", "Publish", "Unpublish", "Subscribe", "Unsubscribe", "SendMedia",
        "SetStreamProperty", "SetSubscriberMedia", "Signal", "ForceDisconnect", "ForceUnpublish", "ForceMuteStream",
        "ForceMuteAll", "NoSuchMethod", "connect", "OnConnectedAsync", "Dispose",
    ];

    private int _bindingErrors;
    private int _socketsLost;
    private readonly ConcurrentBag<string> _connectionIds = [];
    private readonly ConcurrentBag<string> _streamIds = [];
    private readonly ConcurrentBag<string> _subscriptionIds = [];

    [Fact]
    public async Task RandomAndMalformedInvocationsLeaveTheServerServingAndItsStateConsistent()
    {
        var sessions = new[] { await server.CreateSessionAsync(), await server.CreateSessionAsync() };
        var roles = new[] { Role.Publisher, Role.Subscriber, Role.Moderator, Role.PublisherOnly, Role.Publisher, Role.Moderator };
        var actors = Enumerable.Range(0, Actors).Select(i => new Actor(sessions[i % 2], roles[i], new Random(1000 + i))).ToArray();
        foreach (var actor in actors)
        {
            await EnsureConnectedAsync(actor);
        }

        var replies = new ConcurrentBag<HubReply>();
        await Task.WhenAll(actors.Select(actor => Task.Run(async () =>
        {
            for (var i = 0; i < TotalInvocations / Actors + (actor == actors[0] ? TotalInvocations % Actors : 0); i++)
            {
                if (await InvokeRandomAsync(actor, sessions) is { } reply)
                {
                    replies.Add(reply);
                }
            }
        })));
        Assert.Equal(TotalInvocations, actors.Sum(a => a.Invocations));
        output.WriteLine($"{replies.Count(r => r.Ok)} accepted, {_bindingErrors} not bound by SignalR, {_socketsLost} sockets lost; refusals: "
            + string.Join(", ", replies.Where(r => !r.Ok).GroupBy(r => r.ErrorCode).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));

        // Refusals carried OT codes, never the internal-error code of an exception in the hub.
        Assert.DoesNotContain(replies, r => r.ErrorCode == 2000);
        Assert.Contains(replies, r => r.Ok);
        Assert.DoesNotContain("Hub call on socket", server.Process.Output, StringComparison.Ordinal);

        // Still serving: health, and a fresh session works end to end.
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        Assert.True((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode);
        var fresh = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(fresh);
        var (watcher, _) = await server.JoinAsync(fresh);
        var streamId = await publisher.PublishCameraAsync();
        Assert.Equal(streamId, (await watcher.NextAsync("streamCreated")).Str("streamId"));

        using var sdk = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, server.BaseUri.ToString().TrimEnd('/'));
        Assert.Equal([streamId], (await sdk.ListStreamsAsync(fresh)).Select(s => s.Id));

        // The fuzzed sessions hang together: REST and a newcomer's snapshot agree, and every stream has a live owner.
        foreach (var session in sessions)
        {
            var connections = (await sdk.ListConnectionsAsync(session)).Select(c => c.ConnectionId).ToHashSet();
            var streams = await sdk.ListStreamsAsync(session);
            Assert.All(streams, s => Assert.NotNull(s.Id));
            var observer = await server.OpenClientAsync();
            var snapshot = (await observer.ConnectAsync(session, SignalingServer.Token(session, Role.Moderator))).Expect();
            Assert.Equal(streams.Select(s => s.Id), snapshot.Strs("streams", "streamId"));
            Assert.All(snapshot.GetProperty("streams").EnumerateArray(), s => Assert.Contains(s.Str("connectionId"), connections));
            Assert.All(snapshot.GetProperty("streams").EnumerateArray().GroupBy(s => s.Str("connectionId")), g => Assert.InRange(g.Count(), 1, 4));

            // Ending every fuzz connection leaves nothing behind: no stream, no connection but the observer's.
            foreach (var connectionId in connections)
            {
                await sdk.ForceDisconnectAsync(session, connectionId);
            }

            Assert.Empty(await sdk.ListStreamsAsync(session));
            Assert.Equal([observer.ConnectionId], (await sdk.ListConnectionsAsync(session)).Select(c => c.ConnectionId));
        }
    }

    private async Task<HubReply?> InvokeRandomAsync(Actor actor, string[] sessions)
    {
        var random = actor.Random;
        actor.Invocations++;
        var method = Methods[random.Next(Methods.Length)];
        var args = RandomArgs(method, random, sessions);
        try
        {
            var result = await actor.Client!.Hub.InvokeCoreAsync(method, typeof(JsonElement), args).WaitAsync(TestClient.Timeout);
            var reply = HubReply.Parse((JsonElement)result!);
            Remember(method, reply);
            if (reply.ErrorCode == 1010 && random.Next(4) == 0)
            {
                await EnsureConnectedAsync(actor);
            }

            return reply;
        }
        catch (HubException)
        {
            // Unknown method or arguments that do not bind: SignalR's own error reply; the socket stays open.
            Interlocked.Increment(ref _bindingErrors);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or TaskCanceledException or System.Net.WebSockets.WebSocketException or IOException)
        {
            // The server closed the socket (message over the size cap, or a forced disconnect): come back.
            Interlocked.Increment(ref _socketsLost);
            await EnsureConnectedAsync(actor);
            return null;
        }
    }

    private void Remember(string method, HubReply reply)
    {
        if (!reply.Ok || reply.Value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (method)
        {
            case "Connect" or "Resume":
                _connectionIds.Add(reply.Value.GetProperty("connection").Str("connectionId"));
                break;
            case "Publish":
                _streamIds.Add(reply.Value.Str("streamId"));
                break;
            case "Subscribe":
                _subscriptionIds.Add(reply.Value.Str("subscriptionId"));
                break;
        }
    }

    private async Task EnsureConnectedAsync(Actor actor)
    {
        if (actor.Client is { Hub.State: HubConnectionState.Connected } current)
        {
            var again = await current.ConnectAsync(actor.Session, SignalingServer.Token(actor.Session, actor.Role));
            if (again.Ok || again.ErrorCode == 1011)
            {
                Remember("Connect", again);
                return;
            }
        }

        if (actor.Client is { } old)
        {
            await old.DisposeAsync();
        }

        actor.Client = await server.OpenClientAsync();
        var reply = await actor.Client.ConnectAsync(actor.Session, SignalingServer.Token(actor.Session, actor.Role));
        reply.Expect();
        Remember("Connect", reply);
    }

    private object?[] RandomArgs(string method, Random random, string[] sessions)
    {
        var count = random.Next(20) switch
        {
            0 => 0,
            1 => 2,
            _ => 1,
        };
        var args = new object?[count];
        for (var i = 0; i < count; i++)
        {
            args[i] = random.Next(6) == 0 ? RandomValue(random, 0) : PlausibleArg(method, random, sessions);
        }

        return args;
    }

    /// <summary>An argument of roughly the right shape, with random or borrowed IDs and random field values.</summary>
    private object? PlausibleArg(string method, Random random, string[] sessions) => method switch
    {
        "Connect" => new { apiKey = Pick(random, "47000001", "1", null, "x"), sessionId = Pick(random, sessions[0], sessions[1], "1_bad", null), token = Pick(random, SignalingServer.Token(sessions[random.Next(2)], (Role)random.Next(4)), "eyJ.x.y", "T1==abc", null) },
        "Resume" => new { sessionId = Pick(random, sessions[0], sessions[1], null), connectionId = Id(random, _connectionIds), resumeSecret = Pick(random, new string('0', 64), "zz", null) },
        "Publish" => new { name = RandomString(random), hasAudio = RandomBool(random), hasVideo = RandomBool(random), videoType = Pick(random, "camera", "screen", "custom", null, "x"), videoDimensions = random.Next(3) == 0 ? null : new { width = random.Next(-5, 20000), height = random.Next(-5, 20000) }, frameRate = Pick<int?>(random, null, 0, 30, 999) },
        "Unpublish" or "Subscribe" or "ForceUnpublish" or "ForceMuteStream" => Id(random, _streamIds),
        "Unsubscribe" => Id(random, _subscriptionIds),
        "ForceDisconnect" => Id(random, _connectionIds),
        "SendMedia" => new { subscriptionId = Id(random, _subscriptionIds), kind = Pick(random, "offer", "answer", "candidate", "restartRequest", "x", null), sdp = RandomString(random), candidate = random.Next(2) == 0 ? null : RandomValue(random, 0), from = Pick(random, "publisher", "subscriber", null) },
        "SetStreamProperty" => new { streamId = Id(random, _streamIds), property = Pick(random, "hasAudio", "hasVideo", "videoDimensions", "name", null), value = RandomValue(random, 0) },
        "SetSubscriberMedia" => new { subscriptionId = Id(random, _subscriptionIds), audio = RandomBool(random), video = RandomBool(random) },
        "Signal" => new { type = Pick(random, "chat", "", "bad type", new string('t', 129), null), data = RandomString(random), to = random.Next(2) == 0 ? null : Id(random, _connectionIds) },
        "ForceMuteAll" => new { active = RandomBool(random), excludedStreamIds = random.Next(2) == 0 ? null : new[] { Id(random, _streamIds) } },
        _ => RandomValue(random, 0),
    };

    private static object? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 5 : 8) switch
    {
        0 => null,
        1 => random.Next(int.MinValue, int.MaxValue),
        2 => random.Next(2) == 0,
        3 => RandomString(random),
        4 => random.NextDouble() * 1e300,
        5 => Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1)).ToArray(),
        _ => Enumerable.Range(0, random.Next(4)).ToDictionary(i => Pick(random, "streamId", "subscriptionId", "kind", "type", "x", "") + i.ToString(CultureInfo.InvariantCulture), _ => RandomValue(random, depth + 1)),
    };

    private static object? RandomBool(Random random) => random.Next(12) switch
    {
        0 => null,
        1 => "true",
        _ => random.Next(2) == 0,
    };

    private static string RandomString(Random random) => random.Next(20) switch
    {
        0 => new string('x', random.Next(30_000, 40_000)),
        1 => new string('y', random.Next(8_000, 20_000)),
        2 => "",
        3 => "\u0000\uffff\ud800",
        _ => Convert.ToBase64String(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (byte)random.Next(256)).ToArray()),
    };

    private static string? Id(Random random, ConcurrentBag<string> known)
    {
        var pick = random.Next(10);
        if (pick == 0)
        {
            return null;
        }

        if (pick == 1 || known.IsEmpty)
        {
            return Guid.NewGuid().ToString();
        }

        var all = known.ToArray();
        return all[random.Next(all.Length)];
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private sealed class Actor(string session, Role role, Random random)
    {
        public string Session { get; } = session;

        public Role Role { get; } = role;

        public Random Random { get; } = random;

        public TestClient? Client { get; set; }

        public int Invocations { get; set; }
    }
}
