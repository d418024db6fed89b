using System.Text.Json;

namespace Duet.Server.Signaling.Protocol;

/// <param name="Property">hasAudio, hasVideo or videoDimensions.</param>
/// <param name="Value">A boolean, or {width, height} for videoDimensions.</param>
public sealed record StreamPropertyRequest(string? StreamId, string? Property, JsonElement? Value);
