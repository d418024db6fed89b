using System.Security.Cryptography;
using System.Text;
using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.Core.Tokens;
using Duet.Server.Signaling.Protocol;
using Duet.Server.Signaling.Resumption;
using Duet.Server.Signaling.State;

namespace Duet.Server.Signaling;

/// <summary>Joining and leaving: Connect, Resume, Disconnect, dropped sockets and the reconnect grace period.</summary>
public sealed partial class SessionCoordinator
{
    public async Task<HubResult> ConnectAsync(string socketId, ConnectRequest? request)
    {
        if (await state.FindConnectionBySocketAsync(socketId) is not null)
        {
            return Invalid("This socket is already connected; disconnect first.");
        }

        if (request is null || string.IsNullOrEmpty(request.SessionId))
        {
            return HubResult.Fail(OtErrorCodes.InvalidSessionId, "No session ID was given.");
        }

        if (!ProjectCredentials.TryParseApiKey(request.ApiKeyText, out var apiKey))
        {
            return HubResult.Fail(OtErrorCodes.AuthenticationError, "The API key is missing or not a number.");
        }

        var project = await projects.FindAsync(apiKey);
        var session = SessionId.TryDecode(request.SessionId, out _) ? await sessions.FindAsync(request.SessionId) : null;
        var verification = TokenVerifier.Verify(request.Token, project, request.SessionId, session, time.GetUtcNow());
        if (!verification.IsValid)
        {
            return HubResult.Fail(verification.Refusal.ToOtErrorCode(), verification.Refusal.Describe());
        }

        var claims = verification.Claims;
        var maxConnections = session!.MaxConnections ?? Limits.MaxConnectionsPerSession;
        await using (await gate.EnterAsync(claims.SessionId))
        {
            if (await state.FindConnectionBySocketAsync(socketId) is not null)
            {
                return Invalid("This socket is already connected; disconnect first.");
            }

            var draft = new ConnectionRecord(NewId(), claims.SessionId, claims.Role, claims.ConnectionData, time.GetUtcNow(), [], socketId, 0);
            var me = draft with { ResumeSecret = Encoding.ASCII.GetBytes(tickets.Issue(draft)) };
            if (await state.AddConnectionAsync(me, maxConnections) != AddOutcome.Added)
            {
                return HubResult.Fail(OtErrorCodes.ConnectionLimitExceeded, $"The session already has its maximum of {maxConnections} connections.");
            }

            var info = me.ToInfo();
            foreach (var other in Others(await state.ListConnectionsAsync(me.SessionId), me.ConnectionId))
            {
                Send(other, c => c.ConnectionCreated(info));
            }

            webhooks.ConnectionCreated(me);

            logger.LogInformation("Connection {ConnectionId} joined session {SessionId} as {Role}", me.ConnectionId, me.SessionId, me.Role.ToWire());
            var snapshot = await SnapshotAsync(me);
            await DropIfSocketClosedAsync(me.ConnectionId, socketId);
            return HubResult.Success(snapshot);
        }
    }

    public async Task<HubResult> ResumeAsync(string socketId, ResumeRequest? request)
    {
        if (await state.FindConnectionBySocketAsync(socketId) is not null)
        {
            return Invalid("This socket is already connected.");
        }

        var refused = HubResult.Fail(OtErrorCodes.AuthenticationError, "There is no such connection to resume, or the resume secret is wrong.");
        if (request is not { SessionId: { } sessionId, ConnectionId: { } connectionId, ResumeSecret: { } secret })
        {
            return refused;
        }

        await using (await gate.EnterAsync(sessionId))
        {
            var existing = await state.FindConnectionAsync(connectionId);
            if (existing is null)
            {
                return await RestoreAsync(socketId, sessionId, connectionId, secret) ?? refused;
            }

            if (existing.SessionId != sessionId || !SecretMatches(existing.ResumeSecret, secret))
            {
                return refused;
            }

            if (await state.FindConnectionBySocketAsync(socketId) is not null)
            {
                return Invalid("This socket is already connected.");
            }

            var wasReconnecting = existing.SocketId is null;
            if (existing.SocketId is { } oldSocket)
            {
                // The client noticed the drop before the server did: the new socket wins, the old one is closed.
                sockets.CloseLater(oldSocket, TimeSpan.Zero);
            }

            StopGraceTimer(connectionId);
            var me = await state.BindSocketAsync(connectionId, socketId);
            if (me is null)
            {
                return refused;
            }

            if (wasReconnecting)
            {
                var message = new ConnectionRef(connectionId);
                foreach (var other in Others(await state.ListConnectionsAsync(sessionId), connectionId))
                {
                    Send(other, c => c.ConnectionReconnected(message));
                }
            }

            foreach (var signal in await state.TakePendingSignalsAsync(connectionId))
            {
                Send(me, c => c.Signal(signal));
            }

            logger.LogInformation("Connection {ConnectionId} resumed", connectionId);
            var snapshot = await SnapshotAsync(me);
            await DropIfSocketClosedAsync(connectionId, socketId);
            return HubResult.Success(snapshot);
        }
    }

    /// <summary>
    /// Resume of a connection this process does not hold: after a restart the secret alone re-creates it (same id,
    /// role and data) if it is correctly signed, the connection never ended, the session still exists and this process
    /// started less than one grace period ago. Its streams and subscriptions are gone; the client re-publishes
    /// (<see cref="PublishRequest.RestoreStreamId"/>) and re-subscribes, told so by <c>restored: true</c>. Call inside the gate.
    /// </summary>
    private async Task<HubResult?> RestoreAsync(string socketId, string sessionId, string connectionId, string secret)
    {
        var ticket = tickets.Read(secret);
        if (ticket is null || ticket.SessionId != sessionId || ticket.ConnectionId != connectionId)
        {
            return null;
        }

        if (time.GetUtcNow() - tickets.StartedAt > signaling.CurrentValue.ReconnectGrace
            || await endedConnections.ContainsAsync(connectionId)
            || await sessions.FindAsync(sessionId) is not { } session)
        {
            return null;
        }

        var me = new ConnectionRecord(connectionId, sessionId, ticket.Role, ticket.Data, ticket.CreatedAt, Encoding.ASCII.GetBytes(secret), socketId, 0);
        if (await state.AddConnectionAsync(me, session.MaxConnections ?? Limits.MaxConnectionsPerSession) != AddOutcome.Added)
        {
            return null;
        }

        _restoredConnections[connectionId] = true;
        var info = me.ToInfo();
        foreach (var other in Others(await state.ListConnectionsAsync(sessionId), connectionId))
        {
            Send(other, c => c.ConnectionCreated(info));
        }

        logger.LogInformation("Connection {ConnectionId} restored in session {SessionId} from its resume secret", connectionId, sessionId);
        var snapshot = await SnapshotAsync(me, restored: true);
        await DropIfSocketClosedAsync(connectionId, socketId);
        return HubResult.Success(snapshot);
    }

    public Task<HubResult> DisconnectAsync(string socketId) => WithCallerAsync(socketId, async me =>
    {
        await RemoveConnectionAsync(me, LeaveReasons.ClientDisconnected);
        return HubResult.Done;
    });

    /// <summary>The socket closed without Disconnect: keep the connection for the grace period and tell the others it is reconnecting.</summary>
    public async Task HandleSocketClosedAsync(string socketId)
    {
        var found = await state.FindConnectionBySocketAsync(socketId);
        if (found is null)
        {
            return;
        }

        await using (await gate.EnterAsync(found.SessionId))
        {
            await DropSocketInGateAsync(found.ConnectionId, socketId);
        }
    }

    /// <summary>
    /// Connect and Resume run while the socket may be closing: if its close was handled before the connection was bound
    /// to it, nobody else will notice the drop, so handle it here. Call inside the gate.
    /// </summary>
    private async Task DropIfSocketClosedAsync(string connectionId, string socketId)
    {
        if (!sockets.IsOpen(socketId))
        {
            await DropSocketInGateAsync(connectionId, socketId);
        }
    }

    /// <summary>Unbinds the socket, tells the others the connection is reconnecting and starts its grace period. Call inside the gate.</summary>
    private async Task DropSocketInGateAsync(string connectionId, string socketId)
    {
        var me = await state.UnbindSocketAsync(connectionId, socketId);
        if (me is null)
        {
            return;
        }

        var message = new ConnectionRef(me.ConnectionId);
        foreach (var other in Others(await state.ListConnectionsAsync(me.SessionId), me.ConnectionId))
        {
            Send(other, c => c.ConnectionReconnecting(message));
        }

        StartGraceTimer(me);
        logger.LogInformation("Connection {ConnectionId} lost its socket; waiting {Grace} for it to resume", me.ConnectionId, signaling.CurrentValue.ReconnectGrace);
    }

    /// <summary>
    /// Another node died while timing this connection's grace period (or holding its socket): this node times it
    /// now, from the start, unless the connection resumed or left meanwhile.
    /// </summary>
    public async Task AdoptGraceAsync(string connectionId)
    {
        var found = await state.FindConnectionAsync(connectionId);
        if (found is null)
        {
            return;
        }

        await using (await gate.EnterAsync(found.SessionId))
        {
            if (await state.FindConnectionAsync(connectionId) is { SocketId: null } me)
            {
                StartGraceTimer(me);
                logger.LogInformation("Connection {ConnectionId} lost its node; waiting {Grace} for it to resume", connectionId, signaling.CurrentValue.ReconnectGrace);
            }
        }
    }

    private void StartGraceTimer(ConnectionRecord me)
    {
        StopGraceTimer(me.ConnectionId);
        var timer = time.CreateTimer(_ => _ = ExpireGraceAsync(me.ConnectionId, me.SessionId, me.Epoch), null,
            signaling.CurrentValue.ReconnectGrace, Timeout.InfiniteTimeSpan);
        _graceTimers[me.ConnectionId] = new GraceTimer(timer, me.Epoch);
        cluster.GraceStarted(me.ConnectionId);
    }

    /// <param name="epoch">Stop only the timer started at this epoch; any timer of the connection when null.</param>
    private void StopGraceTimer(string connectionId, long? epoch = null)
    {
        if (_graceTimers.TryGetValue(connectionId, out var grace) && (epoch is null || grace.Epoch == epoch)
            && _graceTimers.TryRemove(KeyValuePair.Create(connectionId, grace)))
        {
            grace.Timer.Dispose();
            cluster.GraceEnded(connectionId);
        }
    }

    private async Task ExpireGraceAsync(string connectionId, string sessionId, long epoch)
    {
        try
        {
            await using (await gate.EnterAsync(sessionId))
            {
                var me = await state.FindConnectionAsync(connectionId);
                // Resumed (here or on another node) or removed meanwhile: the epoch moved on, this timer lost the race.
                if (me is null || me.SocketId is not null || me.Epoch != epoch)
                {
                    // Forget this timer, not a newer one started for a later drop.
                    StopGraceTimer(connectionId, epoch);
                    return;
                }

                StopGraceTimer(connectionId);
                await RemoveConnectionAsync(me, LeaveReasons.NetworkDisconnected);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Ending the grace period of {ConnectionId} failed", connectionId);
        }
    }

    /// <summary>Takes the connection out of its session and tells everyone else, in OpenTok's order. Call inside the gate.</summary>
    private async Task RemoveConnectionAsync(ConnectionRecord me, string reason)
    {
        StopGraceTimer(me.ConnectionId);
        signalRate.Forget(me.ConnectionId);
        _restoredConnections.TryRemove(me.ConnectionId, out _);
        var removed = await state.RemoveConnectionAsync(me.ConnectionId);
        if (removed is null)
        {
            return;
        }

        // Its resume secret stops working for good, also on a restarted server.
        await endedConnections.AddAsync(me.ConnectionId, tickets.ExpiryFor(me.CreatedAt));

        var remaining = await state.ListConnectionsAsync(me.SessionId);
        foreach (var subscription in removed.Subscriptions)
        {
            var otherEnd = subscription.PublisherConnectionId == me.ConnectionId ? subscription.SubscriberConnectionId : subscription.PublisherConnectionId;
            var message = new SubscriptionRemoved(subscription.SubscriptionId, reason);
            foreach (var other in remaining.Where(c => c.ConnectionId == otherEnd))
            {
                Send(other, c => c.SubscriptionRemoved(message));
            }
        }

        foreach (var stream in removed.Streams)
        {
            var message = new StreamDestroyed(stream.StreamId, reason);
            foreach (var other in remaining)
            {
                Send(other, c => c.StreamDestroyed(message));
            }

            webhooks.StreamDestroyed(stream, removed.Connection, reason);
        }

        var destroyed = new ConnectionDestroyed(me.ConnectionId, reason);
        foreach (var other in remaining)
        {
            Send(other, c => c.ConnectionDestroyed(destroyed));
        }

        webhooks.ConnectionDestroyed(removed.Connection, reason);

        logger.LogInformation("Connection {ConnectionId} left session {SessionId}: {Reason}", me.ConnectionId, me.SessionId, reason);
    }

    private static bool SecretMatches(byte[] expected, string given)
    {
        var bytes = Encoding.ASCII.GetBytes(given);
        return bytes.Length == expected.Length && CryptographicOperations.FixedTimeEquals(expected, bytes);
    }
}
