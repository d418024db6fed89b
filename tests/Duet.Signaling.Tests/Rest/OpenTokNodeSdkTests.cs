using System.Globalization;
using System.Text.Json;
using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing;

namespace Duet.Signaling.Tests.Rest;

/// <summary>The live REST routes driven by the official OpenTok Node server SDK, checked against what hub clients see.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class OpenTokNodeSdkTests(DefaultServer server)
{
    [Fact]
    public async Task TheOfficialNodeSdkSignalsListsStreamsMutesAndForceDisconnects()
    {
        var session = await server.CreateSessionAsync();
        var (target, _) = await server.JoinAsync(session);
        var (watcher, _) = await server.JoinAsync(session);
        var streamId = await target.PublishCameraAsync("Node");

        var output = await NodeScript.RunAsync(Path.Combine("Duet.Signaling.Tests", "Rest", "opentok-live.js"), server.BaseUri.ToString().TrimEnd('/'),
            DuetServerProcess.ApiKey.ToString(CultureInfo.InvariantCulture), DuetServerProcess.ApiSecret, session, target.ConnectionId, streamId);
        using var json = JsonDocument.Parse(output);
        var r = json.RootElement;

        foreach (var call in new[] { "signalAll", "signalOne", "listStreams", "forceMuteStream", "forceMuteAll", "disableForceMute", "forceDisconnect" })
        {
            Assert.True(r.GetProperty(call).TryGetProperty("ok", out _), $"{call}: {r.GetProperty(call)}");
        }

        Assert.Equal("SignalError", r.GetProperty("signalUnknownConnection").Str("error"));
        Assert.Equal("RequestError", r.GetProperty("signalBadType").Str("error"));
        Assert.Contains("signal type may contain only", r.GetProperty("signalBadType").Str("message"), StringComparison.Ordinal);
        Assert.Equal("ForceDisconnectError", r.GetProperty("forceDisconnectAgain").Str("error"));
        Assert.Equal("AuthError", r.GetProperty("wrongSecret").Str("error"));
        var listed = r.GetProperty("listStreams").GetProperty("value");
        Assert.Equal(1, listed.GetArrayLength());
        Assert.Equal((streamId, "camera", "Node"), (listed[0].Str("id"), listed[0].Str("videoType"), listed[0].Str("name")));

        // What the hub clients saw, in the order the script called.
        var news = await watcher.NextAsync("signal");
        Assert.Equal(("news", "from node", JsonValueKind.Null), (news.Str("type"), news.Str("data"), news.Arg.GetProperty("fromConnectionId").ValueKind));
        Assert.Equal("news", (await target.NextAsync("signal")).Str("type"));
        Assert.Equal("just you", (await target.NextAsync("signal")).Str("data"));
        Assert.Equal(streamId, (await target.NextAsync("muteForced")).Str("streamId"));
        Assert.True((await target.NextAsync("muteForced")).Arg.GetProperty("active").GetBoolean());
        Assert.False((await target.NextAsync("muteForced")).Arg.GetProperty("active").GetBoolean());
        Assert.Equal("forceDisconnected", (await target.NextAsync("disconnected")).Str("reason"));
        Assert.Equal("hasAudio", (await watcher.NextAsync("streamPropertyChanged")).Str("changedProperty"));
        Assert.Equal("forceDisconnected", (await watcher.NextAsync("streamDestroyed")).Str("reason"));
        Assert.Equal(target.ConnectionId, (await watcher.NextAsync("connectionDestroyed")).Str("connectionId"));
        await watcher.BarrierAsync();
        Assert.Single(watcher.All("signal"), s => !s.Str("type").StartsWith("barrier-", StringComparison.Ordinal));
    }
}
