using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Duet.Testing.Measurements;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Duet.Bench.Signaling;

/// <summary>
/// One simulated browser on the signaling hub, as lean as a benchmark needs: it connects, signals its peer with the
/// send time as the data, and turns every signal it receives into a one-way latency (sender and receiver share a clock).
/// </summary>
public sealed class BenchClient : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly TaskCompletionSource _peerLeft = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _received;

    public BenchClient(Uri server)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/v2/signaling"), o =>
            {
                // As the browser SDK does: straight to the WebSocket.
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        _hub.On<JsonElement>("signal", OnSignal);
        _hub.On<JsonElement>("connectionDestroyed", _ => _peerLeft.TrySetResult());
    }

    public string ConnectionId { get; private set; } = "";

    /// <summary>Where the one-way latencies of received signals go; none are kept while it is null.</summary>
    public Samples? Latencies { get; set; }

    public long SignalsReceived => Interlocked.Read(ref _received);

    /// <summary>Completes when the server reports that the other connection of the session left.</summary>
    public Task PeerLeft => _peerLeft.Task;

    /// <summary>Opens the socket (the WebSocket handshake), before <see cref="ConnectAsync"/> joins a session on it.</summary>
    public Task OpenAsync() => _hub.StartAsync();

    public async Task ConnectAsync(int apiKey, string sessionId, string token)
    {
        var value = await InvokeAsync("Connect", new { apiKey = apiKey.ToString(CultureInfo.InvariantCulture), sessionId, token });
        ConnectionId = value.GetProperty("connection").GetProperty("connectionId").GetString()!;
    }

    /// <summary>Sends one signal to <paramref name="connectionId"/> stamped with the current time; returns when the server accepted it.</summary>
    public Task SignalAsync(string connectionId) =>
        InvokeAsync("Signal", new { type = "bench", data = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture), to = connectionId });

    /// <summary>Leaves the session as a page does when its user hangs up (a bare socket close would start a grace period).</summary>
    public Task HangUpAsync() => InvokeAsync("Disconnect");

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private async Task<JsonElement> InvokeAsync(string method, params object[] arguments)
    {
        var reply = (JsonElement)(await _hub.InvokeCoreAsync(method, typeof(JsonElement), arguments))!;
        if (!reply.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException($"{method} refused: {reply.GetProperty("error")}");
        }

        return reply.TryGetProperty("value", out var value) ? value : default;
    }

    private void OnSignal(JsonElement signal)
    {
        Interlocked.Increment(ref _received);
        if (Latencies is { } latencies && long.TryParse(signal.GetProperty("data").GetString(), CultureInfo.InvariantCulture, out var sent))
        {
            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }
    }
}
