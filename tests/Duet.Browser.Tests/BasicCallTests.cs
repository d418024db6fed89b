using Duet.Browser.Tests.Infrastructure;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>Issue 4, test 1: two users publish and subscribe; media flows both ways; the widgets finish loading.</summary>
public sealed class BasicCallTests(CallServer server) : IClassFixture<CallServer>
{
    [Fact]
    public async Task BothSidesPublishAndSubscribeAndMediaFlowsBothWays()
    {
        await using var call = await Call.OpenAsync(server);
        await call.StartAsync();

        foreach (var side in new[] { call.Alice, call.Bob })
        {
            await PeerConnectionProbe.WaitForInboundMediaAsync(side.Page);
            await side.WaitForAsync("document.querySelector('div.OT_subscriber:not(.OT_loading) video.OT_video-element') !== null");
            await side.WaitForAsync("document.querySelector('div.OT_publisher:not(.OT_loading) video.OT_video-element') !== null");
            Assert.Equal(2, await side.EvalAsync<int>("H.session.connections.length()"));
            Assert.Equal(1, await side.EvalAsync<int>("document.querySelectorAll('#subs .OT_root.OT_subscriber').length"));
            Assert.Equal("camera", await side.EvalAsync<string>("H.subscribers[0].stream.videoType"));
            Assert.True(await side.EvalAsync<bool>("H.subscribers[0].stream.id === H.subscribers[0].stream.streamId"));
        }

        // connection.data arrives verbatim; the publisher learned its stream id before the publish callback.
        Assert.Equal("name=bob", await call.Alice.EvalAsync<string>("H.subscribers[0].stream.connection.data"));
        Assert.Equal("name=alice", await call.Bob.EvalAsync<string>("H.subscribers[0].stream.connection.data"));
        Assert.Equal(await call.Alice.EvalAsync<string>("H.publisher.streamId"), await call.Bob.EvalAsync<string>("H.subscribers[0].streamId"));

        // The default widget is 320x240 here (numbers become px) and carries the OT classes.
        var root = call.Alice.Page.Locator("#subs .OT_root").First;
        Assert.Equal("320px", await root.EvaluateAsync<string>("e => e.style.width"));
        Assert.Contains("OT_fit-mode-cover", await root.GetAttributeAsync("class") ?? "");
        Assert.Contains("OT_mirrored", await call.Alice.Page.Locator("#pub .OT_root").First.GetAttributeAsync("class") ?? "");
    }
}
