using System.Text.Json;
using Duet.Core.Tokens;
using Duet.Signaling.Tests.Infrastructure;

namespace Duet.Signaling.Tests.Hub;

[Collection(DefaultServerCollection.Name)]
public sealed class SignalTests(DefaultServer server)
{
    [Fact]
    public async Task ASignalWithoutToReachesEveryoneIncludingTheSenderWithTheServerKnownSender()
    {
        var session = await server.CreateSessionAsync();
        var (sender, _) = await server.JoinAsync(session);
        var (other, _) = await server.JoinAsync(session, Role.Subscriber);
        var (outsider, _) = await server.JoinAsync(await server.CreateSessionAsync());

        (await sender.InvokeAsync("Signal", new { type = "chat", data = "hello", fromConnectionId = other.ConnectionId })).Expect();

        foreach (var client in new[] { sender, other })
        {
            var signal = await client.NextAsync("signal");
            Assert.Equal(("chat", "hello", sender.ConnectionId), (signal.Str("type"), signal.Str("data"), signal.Str("fromConnectionId")));
        }

        await outsider.BarrierAsync();
        Assert.Single(outsider.All("signal"));
    }

    [Fact]
    public async Task ASignalToOneConnectionReachesOnlyIt()
    {
        var session = await server.CreateSessionAsync();
        var (sender, _) = await server.JoinAsync(session);
        var (target, _) = await server.JoinAsync(session);
        var (bystander, _) = await server.JoinAsync(session);

        (await sender.InvokeAsync("Signal", new { data = "psst", to = target.ConnectionId })).Expect();

        var signal = await target.NextAsync("signal");
        Assert.Equal(("", "psst"), (signal.Str("type"), signal.Str("data")));
        await sender.BarrierAsync();
        await bystander.BarrierAsync();
        Assert.Single(sender.All("signal"));
        Assert.Single(bystander.All("signal"));
    }

    [Fact]
    public async Task EveryValidationRuleAnswersWithItsStatus()
    {
        var session = await server.CreateSessionAsync();
        var (sender, _) = await server.JoinAsync(session);
        var (stranger, _) = await server.JoinAsync(await server.CreateSessionAsync());
        var (publisherOnly, _) = await server.JoinAsync(session, Role.PublisherOnly);

        (await sender.InvokeAsync("Signal", new { type = new string('t', 128), data = "" })).Expect();
        (await sender.InvokeAsync("Signal", new { type = "A-z.0_9~", data = new string('d', 8192) })).Expect();
        (await sender.InvokeAsync("Signal", new { type = new string('t', 129) })).ExpectError(413);
        (await sender.InvokeAsync("Signal", new { type = "no spaces" })).ExpectError(400);
        (await sender.InvokeAsync("Signal", new { type = "ünïcode" })).ExpectError(400);
        (await sender.InvokeAsync("Signal", new { type = "t", data = new string('d', 8193) })).ExpectError(413);
        (await sender.InvokeAsync("Signal", new { type = "t", to = "" })).ExpectError(400);
        (await sender.InvokeAsync("Signal", new { type = "t", to = "no-such-connection" })).ExpectError(404);
        (await sender.InvokeAsync("Signal", new { type = "t", to = stranger.ConnectionId })).ExpectError(404);
        (await publisherOnly.InvokeAsync("Signal", new { type = "t", data = "x" })).ExpectError(403);
        (await sender.InvokeAsync("Signal", (object?)null)).Expect();

        await stranger.BarrierAsync();
        Assert.Single(stranger.All("signal"));
    }
}
