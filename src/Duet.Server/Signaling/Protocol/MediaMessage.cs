using System.Text.Json;
using System.Text.Json.Serialization;

namespace Duet.Server.Signaling.Protocol;

/// <summary>SDP or ICE for one subscription, relayed between its two ends.</summary>
/// <param name="Kind">offer, answer, candidate or restartRequest.</param>
/// <param name="Candidate">An RTCIceCandidateInit, relayed as given; JSON null means end of candidates.</param>
/// <param name="From">publisher or subscriber: set by the server when relaying, ignored when a client sends it.</param>
public sealed record MediaMessage(
    string? SubscriptionId,
    string? Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sdp,
    JsonElement? Candidate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? From);
