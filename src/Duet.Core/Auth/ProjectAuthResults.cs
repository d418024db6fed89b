namespace Duet.Core.Auth;

public static class ProjectAuthResults
{
    /// <summary>A sentence for the REST caller; it names the rule, never the secret or the expected signature.</summary>
    public static string Describe(this ProjectAuthResult result) => result switch
    {
        ProjectAuthResult.Ok => "Authenticated.",
        ProjectAuthResult.Missing => "The X-OPENTOK-AUTH header is missing.",
        ProjectAuthResult.Malformed => "The X-OPENTOK-AUTH header is not an HS256 JWT.",
        ProjectAuthResult.UnknownProject => "No project has the API key in the JWT's 'iss' claim.",
        ProjectAuthResult.WrongIssuer => "The JWT's 'iss' claim is not the project's API key.",
        ProjectAuthResult.BadSignature => "The JWT's signature does not match the project's secret.",
        ProjectAuthResult.WrongIssuerType => "The JWT's 'ist' claim is not 'project'.",
        ProjectAuthResult.MissingExpiry => "The JWT has no numeric 'exp' claim.",
        ProjectAuthResult.Expired => "The JWT has expired.",
        ProjectAuthResult.LifetimeTooLong => "The JWT's 'exp' claim is too far in the future (at most one hour).",
        _ => result.ToString(),
    };
}
