using System.Net;
using System.Net.Sockets;
using System.Text;
using Duet.ServerSdk;
using Duet.Testing;

namespace Duet.Signaling.Tests.Rest;

/// <summary>
/// The C# server SDK against servers that misbehave, on a real loopback socket: every failure reaches the caller
/// as a <see cref="DuetApiException"/> (what the CLI and integrators catch), never as some other exception.
/// </summary>
public sealed class ServerSdkFailureTests
{
    [Fact]
    public async Task AServerThatAcceptsButNeverAnswersTimesOutAsAnApiError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptTcpClientAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        using var sdk = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, $"http://127.0.0.1:{Port(listener)}", http);

        var error = await Assert.ThrowsAsync<DuetApiException>(() => sdk.SignalAsync(SessionIdFor(), "t", "d"));

        Assert.Equal((HttpStatusCode)0, error.StatusCode);
        Assert.Contains("did not answer within 1 s", error.Message, StringComparison.Ordinal);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task ACallerCancellationStaysACancellation()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptTcpClientAsync();
        using var sdk = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, $"http://127.0.0.1:{Port(listener)}");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sdk.SignalAsync(SessionIdFor(), "t", "d", cancellationToken: cancel.Token));
        (await accepted).Dispose();
    }

    [Theory]
    [InlineData("""{"code":400,"message":5}""")]
    [InlineData("""{"code":400,"message":null}""")]
    [InlineData("""["not","an","object"]""")]
    [InlineData("<html>Bad gateway</html>")]
    public async Task AnErrorBodyWithoutAMessageStringStillGivesTheStatus(string body)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var answering = AnswerOnceAsync(listener, "400 Bad Request", body);
        using var sdk = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, $"http://127.0.0.1:{Port(listener)}");

        var error = await Assert.ThrowsAsync<DuetApiException>(() => sdk.SignalAsync(SessionIdFor(), "t", "d"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("The server answered 400 BadRequest.", error.Message);
        await answering;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static string SessionIdFor() => Duet.Core.Sessions.SessionId.Create(DuetServerProcess.ApiKey, "", DateTimeOffset.UtcNow);

    /// <summary>Reads one request's head and answers it with a fixed response, then closes.</summary>
    private static async Task AnswerOnceAsync(TcpListener listener, string status, string body)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[64 * 1024];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0)
            {
                return;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes);
    }
}
