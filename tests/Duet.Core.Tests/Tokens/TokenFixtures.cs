using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.Core.Tokens;

namespace Duet.Core.Tests.Tokens;

/// <summary>Two projects with one session each, a fixed clock, and builders for hand-made (and broken) tokens.</summary>
internal static class TokenFixtures
{
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_760_000_000);

    public static readonly Project ProjectA = new(47000001, "0123456789abcdef0123456789abcdef01234567", "a", Now.AddDays(-10));
    public static readonly Project ProjectB = new(47000002, "fedcba9876543210fedcba9876543210fedcba98", "b", Now.AddDays(-10));

    public static readonly Session SessionA = NewSession(ProjectA);
    public static readonly Session SessionA2 = NewSession(ProjectA);
    public static readonly Session SessionB = NewSession(ProjectB);

    public static long Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static TokenVerification Verify(string? token, Project? project = null, Session? session = null, string? sessionId = null) =>
        TokenVerifier.Verify(token, project ?? ProjectA, sessionId ?? (session ?? SessionA).Id, session ?? SessionA, Now);

    /// <summary>A T1 token over exactly this data string, signed with the project's secret (or another one).</summary>
    public static string T1(string data, Project? project = null, string? secret = null, int? partnerId = null) =>
        T1Token.Create(partnerId ?? (project ?? ProjectA).ApiKey, secret ?? (project ?? ProjectA).ApiSecret, data);

    /// <summary>node's field order and escaping (opentok-token): expire_time always, %20 for spaces, scope last.</summary>
    public static string NodeT1Data(string sessionId, long created, long expires, string role = "publisher", string? data = null, string layout = "")
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"session_id={sessionId}&create_time={created}&expire_time={expires}&nonce=0.4901302539");
        sb.Append(CultureInfo.InvariantCulture, $"&role={role}");
        if (data is not null)
        {
            sb.Append("&connection_data=").Append(Uri.EscapeDataString(data));
        }

        sb.Append("&initial_layout_class_list=").Append(Uri.EscapeDataString(layout)).Append("&scope=session.connect");
        return sb.ToString();
    }

    /// <summary>The OpenTok .NET SDK's order: no expire_time unless given, '+' for spaces, layout list unescaped.</summary>
    public static string DotNetT1Data(string sessionId, long created, string role = "publisher", string? data = null, long? expires = null, string? layout = null)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"session_id={sessionId}&create_time={created}&nonce=482913&role={role}");
        if (expires is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"&expire_time={expires}");
        }

        if (data is not null)
        {
            sb.Append("&connection_data=").Append(System.Net.WebUtility.UrlEncode(data));
        }

        if (layout is not null)
        {
            sb.Append("&initial_layout_class_list=").Append(layout);
        }

        return sb.ToString();
    }

    /// <summary>node's JWT claims; pass changes to add, replace or (with null) remove claims.</summary>
    public static JsonObject JwtClaims(string? sessionId = null, Project? project = null, Action<JsonObject>? change = null)
    {
        var p = project ?? ProjectA;
        var claims = new JsonObject
        {
            ["iss"] = p.ApiKey.ToString(CultureInfo.InvariantCulture),
            ["ist"] = "project",
            ["iat"] = Seconds(Now),
            ["exp"] = Seconds(Now.AddHours(1)),
            ["session_id"] = sessionId ?? SessionA.Id,
            ["create_time"] = Seconds(Now),
            ["expire_time"] = Seconds(Now.AddHours(1)),
            ["nonce"] = 0.123,
            ["role"] = "publisher",
            ["initial_layout_class_list"] = "",
            ["scope"] = "session.connect",
        };
        change?.Invoke(claims);
        return claims;
    }

    public static string Jwt(JsonObject claims, string? secret = null) => Hs256Jwt.Sign(claims, secret ?? ProjectA.ApiSecret);

    /// <summary>A JWT with any header, signed with HS256 regardless (so only the header is wrong).</summary>
    public static string JwtWithHeader(string headerJson, JsonObject claims, string? secret = null) =>
        RawJwt(headerJson, claims.ToJsonString(), secret);

    /// <summary>A JWT over exactly these JSON texts, validly signed.</summary>
    public static string RawJwt(string headerJson, string payloadJson, string? secret = null)
    {
        var body = B64Url(Encoding.UTF8.GetBytes(headerJson)) + "." + B64Url(Encoding.UTF8.GetBytes(payloadJson));
        var sig = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? ProjectA.ApiSecret), Encoding.ASCII.GetBytes(body));
        return body + "." + B64Url(sig);
    }

    public static string B64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Session NewSession(Project project) =>
        SessionFactory.Create(project.ApiKey, new SessionCreateOptions(), Now.AddDays(-1));
}
