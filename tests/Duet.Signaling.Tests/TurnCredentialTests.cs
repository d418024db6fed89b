using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Duet.Signaling.Tests.Infrastructure;

namespace Duet.Signaling.Tests;

[Collection(TightServerCollection.Name)]
public sealed class TurnCredentialTests(TightServer server)
{
    [Fact]
    public async Task EachConnectGetsTheStaticServersAndItsOwnTurnCredentialsSignedWithTheSharedSecret()
    {
        var session = await server.CreateSessionAsync();
        var before = DateTimeOffset.UtcNow;
        var (client, snapshot) = await server.JoinAsync(session);
        var (other, otherSnapshot) = await server.JoinAsync(session);

        var servers = snapshot.GetProperty("iceServers").EnumerateArray().ToArray();
        Assert.Equal(2, servers.Length);
        Assert.Equal(["stun:stun.example.test:3478"], servers[0].GetProperty("urls").EnumerateArray().Select(u => u.GetString()));
        Assert.False(servers[0].TryGetProperty("username", out _));

        var turn = servers[1];
        Assert.Equal(["turn:127.0.0.1:3478?transport=udp", "turn:127.0.0.1:3478?transport=tcp"], turn.GetProperty("urls").EnumerateArray().Select(u => u.GetString()));
        var username = turn.Str("username");
        var parts = username.Split(':');
        Assert.Equal(client.ConnectionId, parts[1]);
        var expiry = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[0], CultureInfo.InvariantCulture));
        Assert.InRange(expiry, before.AddSeconds(600).AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(601));

        // coturn's use-auth-secret rule, computed independently of the server's code.
#pragma warning disable CA5350
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(TightServer.TurnSecret), Encoding.UTF8.GetBytes(username)));
#pragma warning restore CA5350
        Assert.Equal(expected, turn.Str("credential"));

        var otherTurn = otherSnapshot.GetProperty("iceServers")[1];
        Assert.EndsWith(":" + other.ConnectionId, otherTurn.Str("username"), StringComparison.Ordinal);
        Assert.NotEqual(turn.Str("credential"), otherTurn.Str("credential"));
    }

    [Fact]
    public async Task ARealCoturnWithTheSameSecretAcceptsTheCredentialsAndRefusesTamperedOnes()
    {
        await using var coturn = await Duet.Testing.TurnServerProcess.StartAsync(TightServer.TurnSecret);
        var session = await server.CreateSessionAsync();
        var (_, snapshot) = await server.JoinAsync(session);
        var turn = snapshot.GetProperty("iceServers")[1];
        var (username, credential) = (turn.Str("username"), turn.Str("credential"));

        Assert.True(0 == await TurnAllocateClient.AllocateAsync(coturn.Port, username, credential, TestClient.Timeout), coturn.Output);
        Assert.Equal(401, await TurnAllocateClient.AllocateAsync(coturn.Port, username, "x" + credential[1..], TestClient.Timeout));
        Assert.Equal(401, await TurnAllocateClient.AllocateAsync(coturn.Port, "1:" + username.Split(':')[1], credential, TestClient.Timeout));
    }
}
