namespace Duet.Server.Signaling.Protocol;

/// <summary>The OpenTok error codes the hub answers with (reference: opentok-surface.md §1.9 and §5).</summary>
public static class OtErrorCodes
{
    public const int AuthenticationError = 1004;
    public const int InvalidSessionId = 1005;
    public const int NotConnected = 1010;
    public const int InvalidParameter = 1011;
    public const int ConnectionLimitExceeded = 1027;
    public const int PermissionDenied = 1500;
    public const int ForceDisconnectDenied = 1520;
    public const int ForceUnpublishDenied = 1530;
    public const int ForceMuteDenied = 1540;
    public const int InternalError = 2000;

    // Signals and moderation targets answer with the HTTP-like statuses OpenTok uses for them.
    public const int BadRequest = 400;
    public const int Forbidden = 403;
    public const int NotFound = 404;
    public const int TooLarge = 413;
    public const int TooManyRequests = 429;
}
