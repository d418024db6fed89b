using Duet.Testing;

namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>A server whose session events go to a <see cref="WebhookReceiver"/> on loopback, signed with <see cref="Secret"/>.</summary>
public sealed class WebhookServer : SignalingServer
{
    public const string Secret = "webhook-secret-for-tests";

    public WebhookServer()
        : this(FreePort.Next())
    {
    }

    private WebhookServer(int port)
        : base(new Dictionary<string, string>
        {
            ["Duet:Webhooks:Url"] = $"http://127.0.0.1:{port}/duet-events",
            ["Duet:Webhooks:Secret"] = Secret,
        })
    {
        Receiver = new WebhookReceiver(port);
    }

    public WebhookReceiver Receiver { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Receiver.Dispose();
    }
}
