using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Duet.Core.Projects;
using Duet.Core.Sessions;

namespace Duet.Core.Tokens;

/// <summary>Makes tokens in either of the forms the official SDKs make, so a server and its clients can mix them.</summary>
public static class TokenGenerator
{
    /// <exception cref="ArgumentException">The session is not the project's, the expiry is outside (now, now + 30 days], or the data is too long.</exception>
    public static string Generate(Project project, string sessionId, TokenOptions options, DateTimeOffset now, TokenFormat format = TokenFormat.Jwt)
    {
        if (!SessionId.TryDecode(sessionId, out var parts))
        {
            throw new ArgumentException("The session ID is not valid.", nameof(sessionId));
        }

        if (parts.ApiKey != project.ApiKey)
        {
            throw new ArgumentException("A token can only be generated for a session of the same project.", nameof(sessionId));
        }

        var created = now.ToUnixTimeSeconds();
        var expires = (options.ExpireTime ?? now + TokenLimits.DefaultLifetime).ToUnixTimeSeconds();
        if (expires <= created)
        {
            throw new ArgumentException("The expire time must be in the future.", nameof(options));
        }

        if (expires - created > (long)TokenLimits.MaxLifetime.TotalSeconds)
        {
            throw new ArgumentException("The expire time must be at most 30 days from now.", nameof(options));
        }

        var data = options.Data ?? "";
        if (data.Length > TokenLimits.MaxConnectionDataLength)
        {
            throw new ArgumentException($"Connection data must be at most {TokenLimits.MaxConnectionDataLength} characters.", nameof(options));
        }

        var layout = string.Join(' ', options.InitialLayoutClassList ?? []);
        if (layout.Length > TokenLimits.MaxLayoutClassListLength)
        {
            throw new ArgumentException("The initial layout class list is too long.", nameof(options));
        }

        var nonce = RandomNumberGenerator.GetInt32(0, 1_000_000);
        return format switch
        {
            TokenFormat.Jwt => Hs256Jwt.Sign(JwtClaims(project, sessionId, created, expires, nonce, options.Role, data, layout), project.ApiSecret),
            TokenFormat.T1 => T1Token.Create(project.ApiKey, project.ApiSecret, T1Data(sessionId, created, expires, nonce, options.Role, data, layout)),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    private static JsonObject JwtClaims(Project project, string sessionId, long created, long expires, int nonce, Role role, string data, string layout)
    {
        var claims = new JsonObject
        {
            ["iss"] = project.ApiKey.ToString(CultureInfo.InvariantCulture),
            ["ist"] = "project",
            ["iat"] = created,
            ["exp"] = expires,
            ["session_id"] = sessionId,
            ["create_time"] = created,
            ["expire_time"] = expires,
            ["nonce"] = nonce,
            ["role"] = role.ToWire(),
            ["initial_layout_class_list"] = layout,
            ["scope"] = "session.connect",
        };

        // Like node: the claim is there only when there is data.
        if (data.Length > 0)
        {
            claims["connection_data"] = data;
        }

        return claims;
    }

    private static string T1Data(string sessionId, long created, long expires, int nonce, Role role, string data, string layout)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"session_id={FormFields.Encode(sessionId)}&create_time={created}&expire_time={expires}");
        sb.Append(CultureInfo.InvariantCulture, $"&nonce={nonce}&role={role.ToWire()}");
        if (data.Length > 0)
        {
            sb.Append("&connection_data=").Append(FormFields.Encode(data));
        }

        sb.Append("&initial_layout_class_list=").Append(FormFields.Encode(layout));
        return sb.ToString();
    }
}
