using System.Net;
using System.Threading.Channels;

namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>An HTTP endpoint on loopback that records the webhook POSTs it receives, in order.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<(string Body, string? Signature)> _received = Channel.CreateUnbounded<(string, string?)>();

    public WebhookReceiver(int port)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ListenAsync();
    }

    /// <summary>The next POST, as body and X-Duet-Signature header.</summary>
    public async Task<(string Body, string? Signature)> NextAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(TestClient.Timeout);

    public void Dispose() => _listener.Close();

    private async Task ListenAsync()
    {
        try
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    _received.Writer.TryWrite((await reader.ReadToEndAsync(), context.Request.Headers["X-Duet-Signature"]));
                }

                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }
}
