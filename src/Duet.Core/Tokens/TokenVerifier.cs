using System.Globalization;
using Duet.Core.Projects;
using Duet.Core.Sessions;

namespace Duet.Core.Tokens;

/// <summary>
/// Decides whether a token lets a client into a session. The caller looks up the project (by the API key the
/// client gave) and the session; the verifier checks everything else and names the first rule that fails.
/// </summary>
public static class TokenVerifier
{
    /// <param name="project">The project of the API key the client connected with, or null if there is none.</param>
    /// <param name="sessionId">The session the client asks to join.</param>
    /// <param name="session">That session as stored, or null if it does not exist.</param>
    public static TokenVerification Verify(string? token, Project? project, string sessionId, Session? session, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenVerification.Refuse(TokenRefusal.Missing);
        }

        if (project is null)
        {
            return TokenVerification.Refuse(TokenRefusal.UnknownProject);
        }

        RawClaims raw;
        if (token.StartsWith(T1Token.Prefix, StringComparison.Ordinal))
        {
            if (!T1Token.TryParse(token, out var t1, out var refusal))
            {
                return TokenVerification.Refuse(refusal);
            }

            if (t1.PartnerId != project.ApiKey.ToString(CultureInfo.InvariantCulture))
            {
                return TokenVerification.Refuse(TokenRefusal.ApiKeyMismatch);
            }

            if (!T1Token.HasValidSignature(t1, project.ApiSecret))
            {
                return TokenVerification.Refuse(TokenRefusal.BadSignature);
            }

            raw = RawClaims.FromT1(t1);
        }
        else if (token.StartsWith("eyJ", StringComparison.Ordinal))
        {
            if (!Hs256Jwt.TryParse(token, out var jwt, out var refusal))
            {
                return TokenVerification.Refuse(refusal);
            }

            if (Hs256Jwt.ReadString(jwt.Payload, "iss") != project.ApiKey.ToString(CultureInfo.InvariantCulture))
            {
                return TokenVerification.Refuse(TokenRefusal.ApiKeyMismatch);
            }

            if (!Hs256Jwt.HasValidSignature(jwt, project.ApiSecret))
            {
                return TokenVerification.Refuse(TokenRefusal.BadSignature);
            }

            if (Hs256Jwt.ReadString(jwt.Payload, "ist") != "project")
            {
                return TokenVerification.Refuse(TokenRefusal.NotProjectIssuer);
            }

            raw = RawClaims.FromJwt(jwt);
        }
        else
        {
            return TokenVerification.Refuse(TokenRefusal.UnknownFormat);
        }

        return CheckClaims(raw, project, sessionId, session, now);
    }

    private static TokenVerification CheckClaims(RawClaims raw, Project project, string sessionId, Session? session, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(raw.SessionId))
        {
            return TokenVerification.Refuse(TokenRefusal.MissingSessionId);
        }

        if (!SessionId.TryDecode(sessionId, out _))
        {
            return TokenVerification.Refuse(TokenRefusal.InvalidSessionId);
        }

        if (raw.SessionId != sessionId)
        {
            return TokenVerification.Refuse(TokenRefusal.SessionMismatch);
        }

        if (session is null)
        {
            return TokenVerification.Refuse(TokenRefusal.SessionNotFound);
        }

        if (session.ApiKey != project.ApiKey)
        {
            return TokenVerification.Refuse(TokenRefusal.SessionOfAnotherProject);
        }

        if (raw.Scope is not null && raw.Scope != "session.connect")
        {
            return TokenVerification.Refuse(TokenRefusal.InvalidScope);
        }

        if (raw.CreateTime is null)
        {
            return TokenVerification.Refuse(TokenRefusal.MissingCreateTime);
        }

        if (!TryParseSeconds(raw.CreateTime, out var created) || (raw.ExpireTime is not null && !TryParseSeconds(raw.ExpireTime, out _)))
        {
            return TokenVerification.Refuse(TokenRefusal.InvalidTimestamp);
        }

        var expires = raw.ExpireTime is null ? created + TokenLimits.DefaultLifetime : ParseSeconds(raw.ExpireTime);
        if (created > now + TokenLimits.ClockSkew)
        {
            return TokenVerification.Refuse(TokenRefusal.CreatedInFuture);
        }

        if (expires <= created)
        {
            return TokenVerification.Refuse(TokenRefusal.ExpiresBeforeCreated);
        }

        if (expires - created > TokenLimits.MaxLifetime)
        {
            return TokenVerification.Refuse(TokenRefusal.LifetimeTooLong);
        }

        if (expires <= now)
        {
            return TokenVerification.Refuse(TokenRefusal.Expired);
        }

        var role = Role.Publisher;
        if (raw.Role is not null && !Roles.TryParse(raw.Role, out role))
        {
            return TokenVerification.Refuse(TokenRefusal.InvalidRole);
        }

        var data = raw.ConnectionData ?? "";
        if (data.Length > TokenLimits.MaxConnectionDataLength)
        {
            return TokenVerification.Refuse(TokenRefusal.ConnectionDataTooLong);
        }

        var layout = raw.InitialLayoutClassList ?? "";
        if (layout.Length > TokenLimits.MaxLayoutClassListLength)
        {
            return TokenVerification.Refuse(TokenRefusal.LayoutClassListTooLong);
        }

        return TokenVerification.Accept(new TokenClaims(project.ApiKey, sessionId, role, created, expires, data, layout, raw.Format));
    }

    private static bool TryParseSeconds(string text, out DateTimeOffset time)
    {
        time = default;
        // node writes whole seconds, but tolerate a fractional part rather than refuse a real SDK's token.
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds < 0 || seconds > 253402300799m)
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeSeconds((long)decimal.Truncate(seconds));
        return true;
    }

    private static DateTimeOffset ParseSeconds(string text) => TryParseSeconds(text, out var t) ? t : default;

    /// <summary>The claims as written in the token, before any rule is applied.</summary>
    private sealed record RawClaims(
        string? SessionId, string? CreateTime, string? ExpireTime, string? Role,
        string? ConnectionData, string? InitialLayoutClassList, string? Scope, TokenFormat Format)
    {
        public static RawClaims FromT1(ParsedT1 t1)
        {
            string? Get(string name) => t1.Fields.TryGetValue(name, out var v) ? v : null;
            return new RawClaims(Get("session_id"), Get("create_time"), Get("expire_time"), Get("role"),
                Get("connection_data"), Get("initial_layout_class_list"), Get("scope"), TokenFormat.T1);
        }

        /// <summary>A JWT's standard <c>exp</c> binds as much as OpenTok's <c>expire_time</c>: the earlier one wins.</summary>
        private static string? EarlierExpiry(string? expireTime, string? exp)
        {
            if (expireTime is null || exp is null)
            {
                return expireTime ?? exp;
            }

            if (!TryParseSeconds(expireTime, out var a) || !TryParseSeconds(exp, out var b))
            {
                return TryParseSeconds(expireTime, out _) ? exp : expireTime; // the unparsable one, refused as InvalidTimestamp
            }

            return a <= b ? expireTime : exp;
        }

        public static RawClaims FromJwt(ParsedJwt jwt)
        {
            string? Get(string name) => Hs256Jwt.ReadString(jwt.Payload, name);
            return new RawClaims(Get("session_id"), Get("create_time") ?? Get("iat"), EarlierExpiry(Get("expire_time"), Get("exp")), Get("role"),
                Get("connection_data"), Get("initial_layout_class_list"), Get("scope"), TokenFormat.Jwt);
        }
    }
}
