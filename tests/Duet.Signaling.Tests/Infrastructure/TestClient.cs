using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>
/// A simulated browser: a .NET SignalR client on the hub that records every server→client message in arrival
/// order, lets a test wait for one, and can kill its own socket the way a network drop would.
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    /// <summary>Every server→client message name of docs/signaling-protocol.md.</summary>
    public static readonly string[] MessageNames =
    [
        "connectionCreated", "connectionDestroyed", "connectionReconnecting", "connectionReconnected",
        "streamCreated", "streamDestroyed", "streamPropertyChanged", "subscriberAdded", "subscriptionRemoved",
        "media", "subscriberMediaChanged", "signal", "muteForced", "disconnected",
    ];

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<Received> _received = [];
    private readonly HashSet<int> _consumed = [];
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClientWebSocket? _socket;

    private TestClient(Uri baseUri)
    {
        Hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "/v2/signaling"), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var socket = new ClientWebSocket();
                    await socket.ConnectAsync(context.Uri, cancellationToken);
                    _socket = socket;
                    return socket;
                };
            })
            .Build();
        Hub.ServerTimeout = TimeSpan.FromMinutes(2);
        // Ping often, so servers configured with a short client timeout (heartbeat tests) keep idle clients.
        Hub.KeepAliveInterval = TimeSpan.FromSeconds(1);
        foreach (var name in MessageNames)
        {
            Hub.On<JsonElement>(name, arg => Record(name, arg));
        }
    }

    public HubConnection Hub { get; }

    /// <summary>Set by <see cref="ConnectAsync"/> from the snapshot.</summary>
    public string ConnectionId { get; private set; } = "";

    public string ResumeSecret { get; private set; } = "";

    public IReadOnlyList<Received> Messages
    {
        get
        {
            lock (_lock)
            {
                return _received.ToArray();
            }
        }
    }

    public static async Task<TestClient> OpenAsync(Uri baseUri)
    {
        var client = new TestClient(baseUri);
        await client.Hub.StartAsync();
        return client;
    }

    public async Task<HubReply> InvokeAsync(string method, params object?[] args)
    {
        var json = await Hub.InvokeCoreAsync(method, typeof(JsonElement), args).WaitAsync(Timeout);
        return HubReply.Parse((JsonElement)json!);
    }

    /// <summary>Connect; remembers the connection ID and resume secret on success.</summary>
    public async Task<HubReply> ConnectAsync(string sessionId, string token, int apiKey = Duet.Testing.DuetServerProcess.ApiKey)
    {
        var reply = await InvokeAsync("Connect", new { apiKey = apiKey.ToString(System.Globalization.CultureInfo.InvariantCulture), sessionId, token });
        if (reply.Ok)
        {
            ConnectionId = reply.Value.GetProperty("connection").Str("connectionId");
            ResumeSecret = reply.Value.Str("resumeSecret");
        }

        return reply;
    }

    /// <summary>Publishes a camera stream and returns its server-assigned ID.</summary>
    public async Task<string> PublishCameraAsync(string name = "cam") =>
        (await InvokeAsync("Publish", new
        {
            name,
            hasAudio = true,
            hasVideo = true,
            videoType = "camera",
            videoDimensions = new { width = 640, height = 480 },
            frameRate = 30,
        })).Expect().Str("streamId");

    /// <summary>Waits for the first not-yet-taken message named <paramref name="name"/> that matches, and takes it.</summary>
    public async Task<Received> NextAsync(string name, Func<Received, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            Task arrival;
            lock (_lock)
            {
                var found = _received.FirstOrDefault(r => r.Name == name && !_consumed.Contains(r.Index) && (match is null || match(r)));
                if (found is not null)
                {
                    _consumed.Add(found.Index);
                    return found;
                }

                arrival = _arrival.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(arrival, Task.Delay(left)) != arrival)
            {
                throw new TimeoutException($"No '{name}' within {Timeout.TotalSeconds} s. Received:\n{string.Join('\n', Messages)}");
            }
        }
    }

    /// <summary>
    /// Sends a signal to itself and waits for it. The server delivers one connection's messages in the order it
    /// produced them, so afterwards every message caused by earlier calls has arrived: "never received" becomes checkable.
    /// </summary>
    public async Task BarrierAsync()
    {
        var type = "barrier-" + Guid.NewGuid().ToString("N");
        (await InvokeAsync("Signal", new { type, data = "", to = ConnectionId })).Expect();
        await NextAsync("signal", r => r.Str("type") == type);
    }

    /// <summary>Messages named <paramref name="name"/> received so far (taken or not).</summary>
    public Received[] All(string name) => Messages.Where(m => m.Name == name).ToArray();

    /// <summary>Cuts the socket without a close handshake, as a network drop does.</summary>
    public void KillSocket() => _socket?.Abort();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Hub.DisposeAsync();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private void Record(string name, JsonElement arg)
    {
        lock (_lock)
        {
            _received.Add(new Received(_received.Count, name, arg.Clone()));
            var arrived = _arrival;
            _arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            arrived.TrySetResult();
        }
    }
}
