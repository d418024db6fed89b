using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing;

namespace Duet.Signaling.Tests;

public sealed class WebhookTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    [Fact]
    public async Task ConnectionAndStreamEventsArePostedInOrderAndSigned()
    {
        var session = await server.CreateSessionAsync();
        var (first, _) = await server.JoinAsync(session, data: "who=first");
        var (second, _) = await server.JoinAsync(session);
        var streamId = await first.PublishCameraAsync("Cam");
        (await first.InvokeAsync("Disconnect")).Expect();

        var created1 = await NextAsync();
        Assert.Equal(("connectionCreated", session, DuetServerProcess.ApiKey.ToString(CultureInfo.InvariantCulture)), (created1.Str("event"), created1.Str("sessionId"), created1.Str("projectId")));
        Assert.Equal((first.ConnectionId, "who=first"), (created1.GetProperty("connection").Str("id"), created1.GetProperty("connection").Str("data")));
        Assert.Equal(second.ConnectionId, (await NextAsync()).GetProperty("connection").Str("id"));

        var streamCreated = await NextAsync();
        Assert.Equal("streamCreated", streamCreated.Str("event"));
        var stream = streamCreated.GetProperty("stream");
        Assert.Equal((streamId, "Cam", "camera", first.ConnectionId), (stream.Str("id"), stream.Str("name"), stream.Str("videoType"), stream.GetProperty("connection").Str("id")));

        var streamDestroyed = await NextAsync();
        Assert.Equal(("streamDestroyed", "clientDisconnected", streamId), (streamDestroyed.Str("event"), streamDestroyed.Str("reason"), streamDestroyed.GetProperty("stream").Str("id")));
        var connectionDestroyed = await NextAsync();
        Assert.Equal(("connectionDestroyed", "clientDisconnected", first.ConnectionId), (connectionDestroyed.Str("event"), connectionDestroyed.Str("reason"), connectionDestroyed.GetProperty("connection").Str("id")));
    }

    /// <summary>The next event, after checking its signature the way a receiver would.</summary>
    private async Task<JsonElement> NextAsync()
    {
        var (body, signature) = await server.Receiver.NextAsync();
        Assert.NotNull(signature);
        var fields = signature.Split(',').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookServer.Secret), Encoding.UTF8.GetBytes(fields["t"] + "." + body)));
        Assert.Equal(expected, fields["v1"]);
        Assert.InRange(long.Parse(fields["t"], CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
