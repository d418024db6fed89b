namespace Duet.Server.Signaling.Protocol;

public sealed record ForceMuteAllRequest(bool? Active, IReadOnlyList<string>? ExcludedStreamIds);
