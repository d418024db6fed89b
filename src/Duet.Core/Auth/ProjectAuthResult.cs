namespace Duet.Core.Auth;

/// <summary>The outcome of checking an <c>X-OPENTOK-AUTH</c> header; everything but <see cref="Ok"/> is a 403.</summary>
public enum ProjectAuthResult
{
    Ok,
    Missing,
    Malformed,
    UnknownProject,
    WrongIssuer,
    BadSignature,
    WrongIssuerType,
    MissingExpiry,
    Expired,
    LifetimeTooLong,
}
