using System.Text.Json;
using Duet.Core.Tokens;
using Duet.Server.Signaling.Protocol;
using Duet.Server.Signaling.State;

namespace Duet.Server.Signaling;

/// <summary>Subscriptions (one peer connection per publisher→subscriber pair) and the SDP/ICE relay between their two ends.</summary>
public sealed partial class SessionCoordinator
{
    private const string FromPublisher = "publisher";
    private const string FromSubscriber = "subscriber";

    // The publisher's own audio fallback stopped or resumed video on one leg; its subscriber reports videoDisabled 'quality'.
    private const string VideoPaused = "videoPaused";
    private const string VideoResumed = "videoResumed";

    public Task<HubResult> SubscribeAsync(string socketId, string? streamId) => WithCallerAsync(socketId, async me =>
    {
        if (!me.Role.CanSubscribe())
        {
            return HubResult.Fail(OtErrorCodes.PermissionDenied, $"A {me.Role.ToWire()} token cannot subscribe.");
        }

        var stream = streamId is null ? null : await state.FindStreamAsync(streamId);
        if (stream is null || stream.SessionId != me.SessionId)
        {
            return Invalid("There is no such stream in this session.");
        }

        var subscription = new SubscriptionRecord(NewId(), me.SessionId, stream.StreamId, stream.ConnectionId, me.ConnectionId, true, true);
        var outcome = await state.AddSubscriptionAsync(subscription, Limits.MaxSubscriptionsPerConnection);
        if (outcome == AddOutcome.LimitReached)
        {
            return Invalid($"A connection may hold at most {Limits.MaxSubscriptionsPerConnection} subscriptions.");
        }

        if (outcome != AddOutcome.Added)
        {
            return Invalid("There is no such stream in this session.");
        }

        var info = subscription.ToInfo();
        if (await state.FindConnectionAsync(stream.ConnectionId) is { } publisher)
        {
            Send(publisher, c => c.SubscriberAdded(info));
        }

        return HubResult.Success(info);
    });

    public Task<HubResult> UnsubscribeAsync(string socketId, string? subscriptionId) => WithCallerAsync(socketId, async me =>
    {
        var subscription = subscriptionId is null ? null : await state.FindSubscriptionAsync(subscriptionId);
        if (subscription is null || subscription.SubscriberConnectionId != me.ConnectionId)
        {
            return Invalid("This connection holds no such subscription.");
        }

        await state.RemoveSubscriptionAsync(subscription.SubscriptionId);
        var message = new SubscriptionRemoved(subscription.SubscriptionId, LeaveReasons.Unsubscribed);
        Send(me, c => c.SubscriptionRemoved(message));
        if (subscription.PublisherConnectionId != me.ConnectionId && await state.FindConnectionAsync(subscription.PublisherConnectionId) is { } publisher)
        {
            Send(publisher, c => c.SubscriptionRemoved(message));
        }

        return HubResult.Done;
    });

    public Task<HubResult> SendMediaAsync(string socketId, MediaMessage? message) => WithCallerAsync(socketId, async me =>
    {
        var subscription = message?.SubscriptionId is { } id ? await state.FindSubscriptionAsync(id) : null;
        if (subscription is null || subscription.SessionId != me.SessionId || !subscription.Involves(me.ConnectionId))
        {
            return Invalid("This connection is not an end of such a subscription.");
        }

        var limits = Limits;
        switch (message!.Kind)
        {
            case "offer" or "answer" when string.IsNullOrEmpty(message.Sdp):
                return Invalid("An offer or answer needs its sdp.");
            case "offer" or "answer" when message.Sdp!.Length > limits.MaxSdpLength:
                return Invalid($"The SDP is longer than {limits.MaxSdpLength} characters.");
            case "candidate" when message.Candidate is { } c && c.ValueKind != JsonValueKind.Null
                && (c.ValueKind != JsonValueKind.Object || c.GetRawText().Length > limits.MaxCandidateLength):
                return Invalid($"A candidate must be an RTCIceCandidateInit of at most {limits.MaxCandidateLength} characters, or null.");
            case "offer" or "answer" or "candidate" or "restartRequest" or VideoPaused or VideoResumed:
                break;
            default:
                return Invalid("kind must be offer, answer, candidate, restartRequest, videoPaused or videoResumed.");
        }

        if (!TryFindSender(subscription, me, message, out var from))
        {
            if (message.Kind == "candidate" && message.Candidate is not { ValueKind: JsonValueKind.Object })
            {
                // End of candidates on a subscription to oneself: which end finished cannot be told, and no end needs it.
                return HubResult.Done;
            }

            return Invalid("On a subscription to oneself, a candidate must carry its usernameFragment or say which end sends it (from).");
        }

        if (message.Kind is VideoPaused or VideoResumed && from != FromPublisher)
        {
            return Invalid("Only the publisher's end pauses or resumes video on a subscription.");
        }

        if (subscription.IsSelfSubscription && message.Kind is "offer" or "answer" && ReadUfrag(message.Sdp!) is { } ufrag)
        {
            await state.UpdateSubscriptionAsync(message.Kind == "offer"
                ? subscription with { PublisherUfrag = ufrag }
                : subscription with { SubscriberUfrag = ufrag });
        }

        var targetId = from == FromPublisher ? subscription.SubscriberConnectionId : subscription.PublisherConnectionId;
        var target = await state.FindConnectionAsync(targetId);
        if (target is null || target.SessionId != me.SessionId)
        {
            return Invalid("The other end of the subscription has left.");
        }

        var relayed = new MediaMessage(subscription.SubscriptionId, message.Kind,
            message.Kind is "offer" or "answer" ? message.Sdp : null,
            message.Kind == "candidate" ? message.Candidate : null,
            from);
        Send(target, c => c.Media(relayed));
        return HubResult.Done;
    });

    public Task<HubResult> SetSubscriberMediaAsync(string socketId, SubscriberMediaRequest? request) => WithCallerAsync(socketId, async me =>
    {
        var subscription = request?.SubscriptionId is { } id ? await state.FindSubscriptionAsync(id) : null;
        if (subscription is null || subscription.SubscriberConnectionId != me.ConnectionId)
        {
            return Invalid("This connection holds no such subscription.");
        }

        if (request!.Audio is not { } audio || request.Video is not { } video)
        {
            return Invalid("audio and video must both be booleans.");
        }

        var changed = subscription with { WantsAudio = audio, WantsVideo = video };
        if (changed == subscription)
        {
            return HubResult.Done;
        }

        await state.UpdateSubscriptionAsync(changed);
        var message = new SubscriberMediaChanged(subscription.SubscriptionId, audio, video);
        if (await state.FindConnectionAsync(subscription.PublisherConnectionId) is { } publisher)
        {
            Send(publisher, c => c.SubscriberMediaChanged(message));
        }

        return HubResult.Done;
    });

    /// <summary>
    /// Which end sent the message. The server knows it from the connection, except on a subscription to oneself,
    /// where both ends are the caller: there offers come from the publisher, answers and restart requests from
    /// the subscriber, and a candidate belongs to the end its <c>from</c> names or, without one, is told apart by
    /// its ICE ufrag: the offer's is the publisher's, any other the subscriber's (and vice versa for the answer's).
    /// </summary>
    private static bool TryFindSender(SubscriptionRecord subscription, ConnectionRecord me, MediaMessage message, out string from)
    {
        if (subscription.PublisherConnectionId != subscription.SubscriberConnectionId)
        {
            from = subscription.PublisherConnectionId == me.ConnectionId ? FromPublisher : FromSubscriber;
            return true;
        }

        from = message.Kind switch
        {
            "offer" => FromPublisher,
            "answer" or "restartRequest" => FromSubscriber,
            VideoPaused or VideoResumed => FromPublisher,
            _ when message.From is FromPublisher or FromSubscriber => message.From,
            // Two ends, so one known ufrag is enough: a candidate may even arrive before the answer that names its end.
            _ when CandidateUfrag(message.Candidate) is { } u && subscription.PublisherUfrag is { } p => u == p ? FromPublisher : FromSubscriber,
            _ when CandidateUfrag(message.Candidate) is { } u && subscription.SubscriberUfrag is { } s => u == s ? FromSubscriber : FromPublisher,
            _ => "",
        };
        return from.Length > 0;
    }

    private static string? CandidateUfrag(JsonElement? candidate) =>
        candidate is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("usernameFragment", out var u) && u.ValueKind == JsonValueKind.String
            ? u.GetString()
            : null;

    /// <summary>The first <c>a=ice-ufrag:</c> of an SDP (all m-lines share it when bundled, as browsers do).</summary>
    private static string? ReadUfrag(string sdp)
    {
        const string Attribute = "a=ice-ufrag:";
        var start = sdp.IndexOf(Attribute, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Attribute.Length;
        var end = sdp.IndexOfAny(['\r', '\n', ' '], start);
        var ufrag = (end < 0 ? sdp[start..] : sdp[start..end]).Trim();
        return ufrag.Length is > 0 and <= 256 ? ufrag : null;
    }
}
