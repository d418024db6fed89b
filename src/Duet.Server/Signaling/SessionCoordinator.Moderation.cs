using Duet.Core.Tokens;
using Duet.Server.Signaling.Protocol;
using Duet.Server.Signaling.State;

namespace Duet.Server.Signaling;

/// <summary>Moderation: forceDisconnect, forceUnpublish and forced mutes, from a moderator's client or from the REST API.</summary>
public sealed partial class SessionCoordinator
{
    public Task<HubResult> ForceDisconnectAsync(string socketId, string? connectionId) => WithCallerAsync(socketId, async me =>
    {
        if (!me.Role.CanModerate())
        {
            return HubResult.Fail(OtErrorCodes.ForceDisconnectDenied, "Only a moderator can force a connection to disconnect.");
        }

        return await ForceDisconnectInGateAsync(me.SessionId, connectionId)
            ? HubResult.Done
            : HubResult.Fail(OtErrorCodes.NotFound, "There is no such connection in this session.");
    });

    public Task<HubResult> ForceUnpublishAsync(string socketId, string? streamId) => WithCallerAsync(socketId, async me =>
    {
        if (!me.Role.CanModerate())
        {
            return HubResult.Fail(OtErrorCodes.ForceUnpublishDenied, "Only a moderator can force a stream to unpublish.");
        }

        var stream = streamId is null ? null : await state.FindStreamAsync(streamId);
        if (stream is null || stream.SessionId != me.SessionId)
        {
            return HubResult.Fail(OtErrorCodes.NotFound, "There is no such stream in this session.");
        }

        await RemoveStreamAsync(stream, LeaveReasons.ForceUnpublished, tellPublisher: true);
        return HubResult.Done;
    });

    public Task<HubResult> ForceMuteStreamAsync(string socketId, string? streamId) => WithCallerAsync(socketId, async me =>
    {
        if (!me.Role.CanModerate())
        {
            return HubResult.Fail(OtErrorCodes.ForceMuteDenied, "Only a moderator can force a stream to mute.");
        }

        return await ForceMuteStreamInGateAsync(me.SessionId, streamId)
            ? HubResult.Done
            : HubResult.Fail(OtErrorCodes.NotFound, "There is no such stream in this session.");
    });

    public Task<HubResult> ForceMuteAllAsync(string socketId, ForceMuteAllRequest? request) => WithCallerAsync(socketId, async me =>
    {
        if (!me.Role.CanModerate())
        {
            return HubResult.Fail(OtErrorCodes.ForceMuteDenied, "Only a moderator can force the session to mute.");
        }

        if (request?.Active is not { } active)
        {
            return Invalid("active must be a boolean.");
        }

        await ForceMuteAllInGateAsync(me.SessionId, active, request.ExcludedStreamIds ?? []);
        return HubResult.Done;
    });

    /// <summary>REST: DELETE …/connection/{id}. False if the connection is not in the session.</summary>
    public async Task<bool> ForceDisconnectFromServerAsync(string sessionId, string connectionId)
    {
        await using (await gate.EnterAsync(sessionId))
        {
            return await ForceDisconnectInGateAsync(sessionId, connectionId);
        }
    }

    /// <summary>REST: POST …/stream/{id}/mute. False if the stream is not in the session.</summary>
    public async Task<bool> ForceMuteStreamFromServerAsync(string sessionId, string streamId)
    {
        await using (await gate.EnterAsync(sessionId))
        {
            return await ForceMuteStreamInGateAsync(sessionId, streamId);
        }
    }

    /// <summary>REST: POST …/mute.</summary>
    public async Task ForceMuteAllFromServerAsync(string sessionId, bool active, IReadOnlyList<string> excludedStreamIds)
    {
        await using (await gate.EnterAsync(sessionId))
        {
            await ForceMuteAllInGateAsync(sessionId, active, excludedStreamIds);
        }
    }

    private async Task<bool> ForceDisconnectInGateAsync(string sessionId, string? connectionId)
    {
        var target = connectionId is null ? null : await state.FindConnectionAsync(connectionId);
        if (target is null || target.SessionId != sessionId)
        {
            return false;
        }

        // Removing the connection also forgets its resume secret, so the client cannot come back with it.
        await RemoveConnectionAsync(target, LeaveReasons.ForceDisconnected);
        if (target.SocketId is { } socketId)
        {
            var message = new Disconnected(LeaveReasons.ForceDisconnected);
            sockets.Post(socketId, c => c.Disconnected(message));
            sockets.CloseLater(socketId, TimeSpan.FromSeconds(signaling.CurrentValue.ForcedCloseSeconds));
        }

        return true;
    }

    private async Task<bool> ForceMuteStreamInGateAsync(string sessionId, string? streamId)
    {
        var stream = streamId is null ? null : await state.FindStreamAsync(streamId);
        if (stream is null || stream.SessionId != sessionId)
        {
            return false;
        }

        await MuteAsync(stream);
        if (await state.FindConnectionAsync(stream.ConnectionId) is { } publisher)
        {
            var message = new MuteForced(stream.StreamId, true);
            Send(publisher, c => c.MuteForced(message));
        }

        return true;
    }

    /// <summary>
    /// Mutes every stream not excluded (and, until lifted, every stream published later) and tells every connection
    /// (<c>streamId</c> null), except publishers whose streams are all excluded; <paramref name="active"/> false lifts
    /// the mute state (streams stay muted until their publishers unmute).
    /// </summary>
    private async Task ForceMuteAllInGateAsync(string sessionId, bool active, IReadOnlyList<string> excludedStreamIds)
    {
        await state.SetForceMuteAllAsync(sessionId, active);
        var streams = await state.ListStreamsAsync(sessionId);
        var exempt = new HashSet<string>(StringComparer.Ordinal);
        if (active)
        {
            var excluded = excludedStreamIds.ToHashSet(StringComparer.Ordinal);
            foreach (var stream in streams.Where(s => !excluded.Contains(s.StreamId)))
            {
                await MuteAsync(stream);
            }

            exempt = streams.GroupBy(s => s.ConnectionId)
                .Where(g => g.All(s => excluded.Contains(s.StreamId)))
                .Select(g => g.Key)
                .ToHashSet(StringComparer.Ordinal);
        }

        var message = new MuteForced(null, active);
        foreach (var connection in await state.ListConnectionsAsync(sessionId))
        {
            if (!exempt.Contains(connection.ConnectionId))
            {
                Send(connection, c => c.MuteForced(message));
            }
        }
    }

    private async Task MuteAsync(StreamRecord stream)
    {
        if (!stream.HasAudio)
        {
            return;
        }

        var muted = stream with { HasAudio = false };
        await state.UpdateStreamAsync(muted);
        await AnnouncePropertyAsync(muted, "hasAudio", true, false);
    }
}
