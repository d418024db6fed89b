using System.Collections.Concurrent;
using Duet.Core.Tokens;
using Duet.Server.Signaling.Protocol;
using Duet.Server.Signaling.Resumption;
using Duet.Server.Signaling.State;
using Duet.Server.Storage;
using Duet.Server.Turn;
using Duet.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace Duet.Server.Signaling;

/// <summary>
/// The rules of a live session, shared by the hub and the REST API: who may do what, how state changes and
/// which messages that change produces, to whom, in which order. Every change runs inside the session's
/// <see cref="ISessionLock"/>; messages are queued (never awaited) while it is held. Split by concern into partial files.
/// </summary>
public sealed partial class SessionCoordinator(
    ISessionState state,
    ClientSockets sockets,
    ISessionLock gate,
    SignalRateLimiter signalRate,
    IceServerProvider iceServers,
    SessionWebhooks webhooks,
    IProjectStore projects,
    ISessionStore sessions,
    IOptionsMonitor<LimitsOptions> limits,
    IOptionsMonitor<SignalingOptions> signaling,
    ResumeTickets tickets,
    IEndedConnections endedConnections,
    ICluster cluster,
    TimeProvider time,
    ILogger<SessionCoordinator> logger)
{
    private static readonly HubResult NotConnected = HubResult.Fail(OtErrorCodes.NotConnected, "This socket is not connected to a session.");

    private readonly ConcurrentDictionary<string, GraceTimer> _graceTimers = new(StringComparer.Ordinal);

    /// <summary>Connections re-created from their resume secret after a restart: they may re-publish under their old stream ids.</summary>
    private readonly ConcurrentDictionary<string, bool> _restoredConnections = new(StringComparer.Ordinal);

    private LimitsOptions Limits => limits.CurrentValue;

    /// <summary>Runs <paramref name="action"/> for the connection bound to the socket, inside its session's gate; 1010 if there is none.</summary>
    private async Task<HubResult> WithCallerAsync(string socketId, Func<ConnectionRecord, Task<HubResult>> action)
    {
        var caller = await state.FindConnectionBySocketAsync(socketId);
        if (caller is null)
        {
            return NotConnected;
        }

        await using (await gate.EnterAsync(caller.SessionId))
        {
            // Re-read inside the gate: the connection may have left while we waited.
            caller = await state.FindConnectionBySocketAsync(socketId);
            return caller is null ? NotConnected : await action(caller);
        }
    }

    private void Send(ConnectionRecord to, Func<ISignalingClient, Task> message) => sockets.Post(to.SocketId, message);

    private static IEnumerable<ConnectionRecord> Others(IEnumerable<ConnectionRecord> connections, string connectionId) =>
        connections.Where(c => c.ConnectionId != connectionId);

    private static HubResult Invalid(string message) => HubResult.Fail(OtErrorCodes.InvalidParameter, message);

    private async Task<SessionSnapshot> SnapshotAsync(ConnectionRecord me, bool restored = false)
    {
        var connections = await state.ListConnectionsAsync(me.SessionId);
        var streams = await state.ListStreamsAsync(me.SessionId);
        var limits = Limits;
        var timing = signaling.CurrentValue;
        return new SessionSnapshot(
            me.ToInfo(),
            me.Role.ToWire(),
            Capabilities.Of(me.Role),
            System.Text.Encoding.ASCII.GetString(me.ResumeSecret),
            iceServers.For(me.ConnectionId),
            connections.Select(c => c.ToInfo()).ToArray(),
            streams.Select(s => s.ToInfo()).ToArray(),
            new SessionSettings((long)timing.ReconnectGrace.TotalMilliseconds, limits.MaxSignalDataLength, limits.MaxSignalTypeLength,
                (long)(timing.ClientTimeoutSeconds * 1000 / 3), (long)(Math.Max(timing.ClientTimeoutSeconds, timing.KeepAliveSeconds * 3) * 1000)),
            restored);
    }

    private static string NewId() => Guid.NewGuid().ToString("D");

    /// <summary>A running grace period and the connection epoch it started at.</summary>
    private sealed record GraceTimer(ITimer Timer, long Epoch);
}
