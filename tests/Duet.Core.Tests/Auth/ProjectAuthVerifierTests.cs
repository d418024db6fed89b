using System.Globalization;
using System.Text.Json.Nodes;
using Duet.Core.Auth;
using Duet.Core.Tokens;
using static Duet.Core.Tests.Tokens.TokenFixtures;

namespace Duet.Core.Tests.Auth;

public class ProjectAuthVerifierTests
{
    private static string Header(Action<JsonObject>? change = null, string? secret = null)
    {
        var claims = new JsonObject
        {
            ["iss"] = ProjectA.ApiKey.ToString(CultureInfo.InvariantCulture),
            ["ist"] = "project",
            ["iat"] = Seconds(Now),
            ["exp"] = Seconds(Now.AddMinutes(5)),
        };
        change?.Invoke(claims);
        return Hs256Jwt.Sign(claims, secret ?? ProjectA.ApiSecret);
    }

    [Fact]
    public void TheSdksHeaderIsAccepted()
    {
        Assert.True(ProjectAuthVerifier.TryReadIssuer(Header(), out var key));
        Assert.Equal(ProjectA.ApiKey, key);
        Assert.Equal(ProjectAuthResult.Ok, ProjectAuthVerifier.Verify(Header(), ProjectA, Now));
    }

    [Fact]
    public void EachBrokenRuleHasItsOwnResult()
    {
        Assert.Equal(ProjectAuthResult.Missing, ProjectAuthVerifier.Verify(null, ProjectA, Now));
        Assert.Equal(ProjectAuthResult.Malformed, ProjectAuthVerifier.Verify("abc", ProjectA, Now));
        Assert.Equal(ProjectAuthResult.UnknownProject, ProjectAuthVerifier.Verify(Header(), null, Now));
        Assert.Equal(ProjectAuthResult.WrongIssuer, ProjectAuthVerifier.Verify(Header(), ProjectB, Now));
        Assert.Equal(ProjectAuthResult.BadSignature, ProjectAuthVerifier.Verify(Header(secret: ProjectB.ApiSecret), ProjectA, Now));
        Assert.Equal(ProjectAuthResult.WrongIssuerType, ProjectAuthVerifier.Verify(Header(c => c["ist"] = "account"), ProjectA, Now));
        Assert.Equal(ProjectAuthResult.MissingExpiry, ProjectAuthVerifier.Verify(Header(c => c.Remove("exp")), ProjectA, Now));
        Assert.Equal(ProjectAuthResult.Expired, ProjectAuthVerifier.Verify(Header(c => c["exp"] = Seconds(Now)), ProjectA, Now));
        Assert.Equal(ProjectAuthResult.LifetimeTooLong, ProjectAuthVerifier.Verify(Header(c => c["exp"] = Seconds(Now.AddDays(1))), ProjectA, Now));
    }
}
