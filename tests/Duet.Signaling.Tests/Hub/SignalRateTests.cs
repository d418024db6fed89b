using Duet.Signaling.Tests.Infrastructure;

namespace Duet.Signaling.Tests.Hub;

[Collection(TightServerCollection.Name)]
public sealed class SignalRateTests(TightServer server)
{
    [Fact]
    public async Task SignalsBeyondTheBurstAreRefusedWith429AndNotDelivered()
    {
        var session = await server.CreateSessionAsync();
        var (sender, _) = await server.JoinAsync(session);
        var (receiver, _) = await server.JoinAsync(session);

        // Burst 3, then 1 per second: 20 back-to-back signals cannot all pass, however slow this machine is.
        var replies = new List<HubReply>();
        for (var i = 0; i < 20; i++)
        {
            replies.Add(await sender.InvokeAsync("Signal", new { type = "n", data = i.ToString(System.Globalization.CultureInfo.InvariantCulture), to = receiver.ConnectionId }));
        }

        Assert.All(replies.Where(r => !r.Ok), r => r.ExpectError(429));
        var accepted = replies.Count(r => r.Ok);
        Assert.InRange(accepted, 3, 19);

        for (var i = 0; i < accepted; i++)
        {
            await receiver.NextAsync("signal");
        }

        // The limit is per connection: the receiver can still signal.
        (await receiver.InvokeAsync("Signal", new { type = "reply", to = sender.ConnectionId })).Expect();
        await sender.NextAsync("signal");
        Assert.Equal(accepted, receiver.All("signal").Length);
    }
}
