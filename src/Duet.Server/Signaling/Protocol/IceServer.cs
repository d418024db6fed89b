using System.Text.Json.Serialization;

namespace Duet.Server.Signaling.Protocol;

/// <summary>One entry of RTCConfiguration.iceServers.</summary>
public sealed record IceServer(
    IReadOnlyList<string> Urls,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Username,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Credential);
