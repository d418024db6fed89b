namespace Duet.Core.Tokens;

/// <summary>Why a token was refused. Each maps to the OpenTok error a client sees (<see cref="TokenRefusals.ToOtErrorCode"/>).</summary>
public enum TokenRefusal
{
    None = 0,
    Missing,
    UnknownFormat,
    MalformedBase64,
    MalformedT1,
    MalformedJwt,
    UnsupportedAlgorithm,
    BadSignature,
    UnknownProject,
    ApiKeyMismatch,
    NotProjectIssuer,
    MissingSessionId,
    SessionMismatch,
    InvalidSessionId,
    SessionNotFound,
    SessionOfAnotherProject,
    MissingCreateTime,
    InvalidTimestamp,
    CreatedInFuture,
    Expired,
    ExpiresBeforeCreated,
    LifetimeTooLong,
    InvalidRole,
    ConnectionDataTooLong,
    LayoutClassListTooLong,
    InvalidScope,
}

public static class TokenRefusals
{
    /// <summary>1005 (OT_INVALID_SESSION_ID) when the session itself is the problem, 1004 (OT_AUTHENTICATION_ERROR) otherwise.</summary>
    public static int ToOtErrorCode(this TokenRefusal refusal) => refusal switch
    {
        TokenRefusal.None => 0,
        TokenRefusal.InvalidSessionId or TokenRefusal.SessionNotFound => 1005,
        _ => 1004,
    };

    /// <summary>A sentence for the client; it names the rule, never the secret or the expected signature.</summary>
    public static string Describe(this TokenRefusal refusal) => refusal switch
    {
        TokenRefusal.None => "Token accepted.",
        TokenRefusal.Missing => "No token was given.",
        TokenRefusal.UnknownFormat => "The token is neither a T1 token nor a JWT.",
        TokenRefusal.MalformedBase64 => "The token's Base64 part cannot be decoded.",
        TokenRefusal.MalformedT1 => "The T1 token lacks partner_id, sig or its signed data.",
        TokenRefusal.MalformedJwt => "The JWT cannot be parsed.",
        TokenRefusal.UnsupportedAlgorithm => "The JWT is not signed with HS256.",
        TokenRefusal.BadSignature => "The token's signature does not match the project's secret.",
        TokenRefusal.UnknownProject => "No project has this API key.",
        TokenRefusal.ApiKeyMismatch => "The token was made for another API key.",
        TokenRefusal.NotProjectIssuer => "The JWT's 'ist' claim is not 'project'.",
        TokenRefusal.MissingSessionId => "The token names no session.",
        TokenRefusal.SessionMismatch => "The token was made for another session.",
        TokenRefusal.InvalidSessionId => "The session ID is not valid.",
        TokenRefusal.SessionNotFound => "The session does not exist.",
        TokenRefusal.SessionOfAnotherProject => "The session belongs to another project.",
        TokenRefusal.MissingCreateTime => "The token has no create_time.",
        TokenRefusal.InvalidTimestamp => "The token's create_time or expire_time is not a number.",
        TokenRefusal.CreatedInFuture => "The token's create_time is in the future.",
        TokenRefusal.Expired => "The token has expired.",
        TokenRefusal.ExpiresBeforeCreated => "The token expires before it was created.",
        TokenRefusal.LifetimeTooLong => "The token's expire_time is more than 30 days after its create_time.",
        TokenRefusal.InvalidRole => "The token's role is not publisher, subscriber, moderator or publisheronly.",
        TokenRefusal.ConnectionDataTooLong => "The token's connection data is longer than 1000 characters.",
        TokenRefusal.LayoutClassListTooLong => "The token's initial layout class list is longer than 1024 characters.",
        TokenRefusal.InvalidScope => "The token's scope is not session.connect.",
        _ => refusal.ToString(),
    };
}
