using System.Text.Json;
using Duet.Core.Tokens;
using Duet.Server.Signaling.Protocol;
using Duet.Server.Signaling.State;

namespace Duet.Server.Signaling;

/// <summary>Streams: Publish, Unpublish and the properties a publisher changes (publishAudio, publishVideo, dimensions).</summary>
public sealed partial class SessionCoordinator
{
    private const int MaxVideoSide = 16_384;
    private const int MaxFrameRate = 240;
    private static readonly string[] VideoTypes = ["camera", "screen", "custom"];

    public Task<HubResult> PublishAsync(string socketId, PublishRequest? request) => WithCallerAsync(socketId, async me =>
    {
        if (!me.Role.CanPublish())
        {
            return HubResult.Fail(OtErrorCodes.PermissionDenied, $"A {me.Role.ToWire()} token cannot publish.");
        }

        if (request is null)
        {
            return Invalid("Publish needs the stream's properties.");
        }

        var name = request.Name ?? "";
        if (name.Length > Limits.MaxStreamNameLength)
        {
            return Invalid($"The stream name is longer than {Limits.MaxStreamNameLength} characters.");
        }

        if (request.VideoType is not null && !VideoTypes.Contains(request.VideoType))
        {
            return Invalid("videoType must be camera, screen, custom or null.");
        }

        if (request.VideoDimensions is { } d && !IsValidDimensions(d))
        {
            return Invalid($"videoDimensions must be between 1 and {MaxVideoSide} pixels on each side.");
        }

        if (request.FrameRate is < 1 or > MaxFrameRate)
        {
            return Invalid($"frameRate must be between 1 and {MaxFrameRate}.");
        }

        var streamId = NewId();
        if (request.RestoreStreamId is { } restoreId)
        {
            // Only a connection restored after a restart gets its old stream id back, and only if nobody holds it.
            if (!_restoredConnections.ContainsKey(me.ConnectionId) || !Guid.TryParseExact(restoreId, "D", out _) || await state.FindStreamAsync(restoreId) is not null)
            {
                return Invalid("restoreStreamId is only for a connection restored after a server restart, with an unused stream id.");
            }

            streamId = restoreId;
        }

        var forcedMute = await state.IsForceMuteAllActiveAsync(me.SessionId);
        var stream = new StreamRecord(streamId, me.SessionId, me.ConnectionId, time.GetUtcNow(), name,
            (request.HasAudio ?? true) && !forcedMute, request.HasVideo ?? true, request.VideoType,
            request.VideoDimensions?.Width, request.VideoDimensions?.Height, request.FrameRate, request.AudioFallback ?? true);
        var outcome = await state.AddStreamAsync(stream, Limits.MaxStreamsPerConnection);
        if (outcome == AddOutcome.LimitReached)
        {
            return Invalid($"A connection may publish at most {Limits.MaxStreamsPerConnection} streams.");
        }

        if (outcome != AddOutcome.Added)
        {
            return NotConnected;
        }

        var info = stream.ToInfo();
        foreach (var other in Others(await state.ListConnectionsAsync(me.SessionId), me.ConnectionId))
        {
            Send(other, c => c.StreamCreated(info));
        }

        webhooks.StreamCreated(stream, me);

        if (forcedMute)
        {
            var muted = new MuteForced(stream.StreamId, true);
            Send(me, c => c.MuteForced(muted));
        }

        return HubResult.Success(info);
    });

    public Task<HubResult> UnpublishAsync(string socketId, string? streamId) => WithCallerAsync(socketId, async me =>
    {
        var stream = streamId is null ? null : await state.FindStreamAsync(streamId);
        if (stream is null || stream.ConnectionId != me.ConnectionId)
        {
            return Invalid("This connection publishes no such stream.");
        }

        await RemoveStreamAsync(stream, LeaveReasons.ClientDisconnected, tellPublisher: false);
        return HubResult.Done;
    });

    public Task<HubResult> SetStreamPropertyAsync(string socketId, StreamPropertyRequest? request) => WithCallerAsync(socketId, async me =>
    {
        var stream = request?.StreamId is { } id ? await state.FindStreamAsync(id) : null;
        if (stream is null || stream.ConnectionId != me.ConnectionId)
        {
            return Invalid("This connection publishes no such stream.");
        }

        var value = request!.Value;
        StreamRecord changed;
        object? oldValue, newValue;
        switch (request.Property)
        {
            case "hasAudio" when value is { ValueKind: JsonValueKind.True or JsonValueKind.False } v:
                (oldValue, newValue, changed) = (stream.HasAudio, v.GetBoolean(), stream with { HasAudio = v.GetBoolean() });
                break;
            case "hasVideo" when value is { ValueKind: JsonValueKind.True or JsonValueKind.False } v:
                (oldValue, newValue, changed) = (stream.HasVideo, v.GetBoolean(), stream with { HasVideo = v.GetBoolean() });
                break;
            case "videoDimensions" when TryReadDimensions(value, out var d):
                oldValue = stream is { Width: { } w, Height: { } h } ? new VideoDimensions(w, h) : null;
                newValue = d;
                changed = stream with { Width = d.Width, Height = d.Height };
                break;
            default:
                return Invalid("property must be hasAudio or hasVideo with a boolean, or videoDimensions with {width, height}.");
        }

        if (changed == stream)
        {
            return HubResult.Done;
        }

        await state.UpdateStreamAsync(changed);
        await AnnouncePropertyAsync(changed, request.Property, oldValue, newValue);
        return HubResult.Done;
    });

    private async Task AnnouncePropertyAsync(StreamRecord stream, string property, object? oldValue, object? newValue)
    {
        var message = new StreamPropertyChanged(stream.StreamId, property, oldValue, newValue);
        foreach (var other in Others(await state.ListConnectionsAsync(stream.SessionId), stream.ConnectionId))
        {
            Send(other, c => c.StreamPropertyChanged(message));
        }
    }

    /// <summary>Removes the stream and its subscriptions; tells both ends of each leg and every other connection. Call inside the gate.</summary>
    private async Task RemoveStreamAsync(StreamRecord stream, string reason, bool tellPublisher)
    {
        var removed = await state.RemoveStreamAsync(stream.StreamId);
        if (removed is null)
        {
            return;
        }

        var connections = await state.ListConnectionsAsync(stream.SessionId);
        foreach (var subscription in removed.Subscriptions)
        {
            var message = new SubscriptionRemoved(subscription.SubscriptionId, LeaveReasons.StreamDestroyed);
            foreach (var end in connections.Where(c => subscription.Involves(c.ConnectionId)))
            {
                Send(end, c => c.SubscriptionRemoved(message));
            }
        }

        var destroyed = new StreamDestroyed(stream.StreamId, reason);
        foreach (var other in connections.Where(c => tellPublisher || c.ConnectionId != stream.ConnectionId))
        {
            Send(other, c => c.StreamDestroyed(destroyed));
        }

        webhooks.StreamDestroyed(stream, connections.FirstOrDefault(c => c.ConnectionId == stream.ConnectionId), reason);
    }

    private static bool IsValidDimensions(VideoDimensions d) => d.Width is > 0 and <= MaxVideoSide && d.Height is > 0 and <= MaxVideoSide;

    private static bool TryReadDimensions(JsonElement? value, out VideoDimensions dimensions)
    {
        dimensions = null!;
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("width", out var w) || w.ValueKind != JsonValueKind.Number || !w.TryGetInt32(out var width)
            || !v.TryGetProperty("height", out var h) || h.ValueKind != JsonValueKind.Number || !h.TryGetInt32(out var height))
        {
            return false;
        }

        dimensions = new VideoDimensions(width, height);
        return IsValidDimensions(dimensions);
    }
}
