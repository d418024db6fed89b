namespace Duet.Server.Signaling;

/// <summary>The result of a signal, as the HTTP-like status OpenTok uses for signals (204 = accepted).</summary>
public enum SignalOutcome
{
    Accepted = 204,
    BadRequest = 400,
    Forbidden = 403,
    NotFound = 404,
    TooLarge = 413,
    TooManyRequests = 429,
}
