namespace Duet.Server.Signaling.Protocol;

/// <summary>Why an invocation was refused: an OpenTok error code (or a signal's HTTP-like status) and a sentence.</summary>
public sealed record HubError(int Code, string Message);
