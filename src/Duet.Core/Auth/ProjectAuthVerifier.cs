using System.Globalization;
using Duet.Core.Projects;
using Duet.Core.Tokens;

namespace Duet.Core.Auth;

/// <summary>
/// Checks the <c>X-OPENTOK-AUTH</c> header of a REST call: an HS256 JWT signed with the project secret,
/// <c>iss</c> = API key, <c>ist</c> = "project", <c>exp</c> in the future.
/// </summary>
public static class ProjectAuthVerifier
{
    /// <summary>The SDKs ask for 5 minutes; refuse anything that claims to live much longer, so a leaked header soon dies.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    /// <summary>Reads the API key the JWT claims to be from, so the caller can find the project whose secret checks it.</summary>
    public static bool TryReadIssuer(string? header, out int apiKey)
    {
        apiKey = 0;
        return header is not null && Hs256Jwt.TryParse(header, out var jwt, out _)
            && ProjectCredentials.TryParseApiKey(Hs256Jwt.ReadString(jwt.Payload, "iss"), out apiKey);
    }

    public static ProjectAuthResult Verify(string? header, Project? project, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return ProjectAuthResult.Missing;
        }

        if (!Hs256Jwt.TryParse(header, out var jwt, out _))
        {
            return ProjectAuthResult.Malformed;
        }

        if (project is null)
        {
            return ProjectAuthResult.UnknownProject;
        }

        if (Hs256Jwt.ReadString(jwt.Payload, "iss") != project.ApiKey.ToString(CultureInfo.InvariantCulture))
        {
            return ProjectAuthResult.WrongIssuer;
        }

        if (!Hs256Jwt.HasValidSignature(jwt, project.ApiSecret))
        {
            return ProjectAuthResult.BadSignature;
        }

        if (Hs256Jwt.ReadString(jwt.Payload, "ist") != "project")
        {
            return ProjectAuthResult.WrongIssuerType;
        }

        if (!long.TryParse(Hs256Jwt.ReadString(jwt.Payload, "exp"), NumberStyles.None, CultureInfo.InvariantCulture, out var exp))
        {
            return ProjectAuthResult.MissingExpiry;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(Math.Min(exp, 253402300799));
        if (expires <= now)
        {
            return ProjectAuthResult.Expired;
        }

        if (expires > now + MaxLifetime + TokenLimits.ClockSkew)
        {
            return ProjectAuthResult.LifetimeTooLong;
        }

        return ProjectAuthResult.Ok;
    }
}
