using System.Text.Json.Nodes;
using Duet.Core.Tokens;
using static Duet.Core.Tests.Tokens.TokenFixtures;

namespace Duet.Core.Tests.Tokens;

public class TokenAcceptanceTests
{
    private static readonly string IdA = SessionA.Id;

    [Theory]
    [InlineData(TokenFormat.Jwt)]
    [InlineData(TokenFormat.T1)]
    public void GeneratedTokensVerifyWithTheirClaims(TokenFormat format)
    {
        var options = new TokenOptions
        {
            Role = Role.Moderator,
            ExpireTime = Now.AddHours(2),
            Data = "name=Zoë & co; {\"x\":1}",
            InitialLayoutClassList = ["focus", "wide"],
        };

        var token = TokenGenerator.Generate(ProjectA, IdA, options, Now, format);
        var result = Verify(token);

        Assert.True(result.IsValid, result.Refusal.ToString());
        Assert.Equal(format == TokenFormat.T1, token.StartsWith("T1==", StringComparison.Ordinal));
        Assert.Equal(new TokenClaims(ProjectA.ApiKey, IdA, Role.Moderator, Now, Now.AddHours(2), options.Data, "focus wide", format), result.Claims);
    }

    [Fact]
    public void GeneratedDefaultsArePublisherForADayWithoutData()
    {
        var result = Verify(TokenGenerator.Generate(ProjectA, IdA, new TokenOptions(), Now));

        Assert.True(result.IsValid);
        Assert.Equal(Role.Publisher, result.Claims.Role);
        Assert.Equal(Now.AddDays(1), result.Claims.ExpiresAt);
        Assert.Equal("", result.Claims.ConnectionData);
    }

    [Fact]
    public void ANodeStyleT1IsAcceptedAsSigned()
    {
        var data = NodeT1Data(IdA, Seconds(Now), Seconds(Now.AddHours(3)), role: "subscriber", data: "user name=Ana", layout: "a b");

        var result = Verify(T1(data));

        Assert.True(result.IsValid, result.Refusal.ToString());
        Assert.Equal(Role.Subscriber, result.Claims.Role);
        Assert.Equal("user name=Ana", result.Claims.ConnectionData);
        Assert.Equal("a b", result.Claims.InitialLayoutClassList);
        Assert.Equal(Now.AddHours(3), result.Claims.ExpiresAt);
    }

    [Fact]
    public void ADotNetStyleT1WithPlusForSpacesAndNoExpireTimeIsAccepted()
    {
        var data = DotNetT1Data(IdA, Seconds(Now.AddHours(-1)), role: "publisheronly", data: "name=Johnny Appleseed");
        Assert.Contains("Johnny+Appleseed", data, StringComparison.Ordinal);

        var result = Verify(T1(data));

        Assert.True(result.IsValid, result.Refusal.ToString());
        Assert.Equal(Role.PublisherOnly, result.Claims.Role);
        Assert.Equal("name=Johnny Appleseed", result.Claims.ConnectionData);
        Assert.Equal(Now.AddHours(23), result.Claims.ExpiresAt);
    }

    [Fact]
    public void ADotNetStyleT1WithExpiryAndAnUnescapedLayoutListIsAccepted()
    {
        var result = Verify(T1(DotNetT1Data(IdA, Seconds(Now), expires: Seconds(Now.AddDays(30)), layout: "focus inactive")));

        Assert.True(result.IsValid, result.Refusal.ToString());
        Assert.Equal("focus inactive", result.Claims.InitialLayoutClassList);
        Assert.Equal(Now.AddDays(30), result.Claims.ExpiresAt);
    }

    [Fact]
    public void AJwtWithNumericIssuerAndWithoutOptionalClaimsIsAccepted()
    {
        var claims = JwtClaims(change: c =>
        {
            c["iss"] = ProjectA.ApiKey;
            c.Remove("role");
            c.Remove("scope");
            c.Remove("initial_layout_class_list");
            c.Remove("expire_time");
            c.Remove("create_time");
        });

        var result = Verify(Jwt(claims));

        Assert.True(result.IsValid, result.Refusal.ToString());
        Assert.Equal(Role.Publisher, result.Claims.Role);
        Assert.Equal(Now.AddHours(1), result.Claims.ExpiresAt);
    }

    [Fact]
    public void ExactlyTheLimitsAreAccepted()
    {
        var token = Jwt(JwtClaims(change: c =>
        {
            c["connection_data"] = new string('d', 1000);
            c["initial_layout_class_list"] = new string('l', 1024);
            c["exp"] = Seconds(Now.AddDays(30));
            c["expire_time"] = Seconds(Now.AddDays(30));
        }));

        Assert.True(Verify(token).IsValid);
    }

    [Fact]
    public void ASmallClockSkewOnCreationIsTolerated()
    {
        var token = T1(NodeT1Data(IdA, Seconds(Now.AddMinutes(2)), Seconds(Now.AddHours(1))));

        Assert.True(Verify(token).IsValid);
    }

    [Fact]
    public void AJwtHeaderWithExtraFieldsIsAccepted() =>
        Assert.True(Verify(JwtWithHeader("""{"typ":"JWT","alg":"HS256","kid":"x"}""", JwtClaims())).IsValid);

    [Fact]
    public void GenerationRefusesWhatVerificationWouldRefuse()
    {
        Assert.Throws<ArgumentException>(() => TokenGenerator.Generate(ProjectA, SessionB.Id, new TokenOptions(), Now));
        Assert.Throws<ArgumentException>(() => TokenGenerator.Generate(ProjectA, "nonsense", new TokenOptions(), Now));
        Assert.Throws<ArgumentException>(() => TokenGenerator.Generate(ProjectA, IdA, new TokenOptions { ExpireTime = Now.AddDays(31) }, Now));
        Assert.Throws<ArgumentException>(() => TokenGenerator.Generate(ProjectA, IdA, new TokenOptions { ExpireTime = Now.AddSeconds(-1) }, Now));
        Assert.Throws<ArgumentException>(() => TokenGenerator.Generate(ProjectA, IdA, new TokenOptions { Data = new string('x', 1001) }, Now));
    }

    [Fact]
    public void AGeneratedJwtCarriesNodesClaimNames()
    {
        var token = TokenGenerator.Generate(ProjectA, IdA, new TokenOptions(), Now);
        var payload = JsonNode.Parse(Convert.FromBase64String(Pad(token.Split('.')[1])))!.AsObject();

        Assert.Equal("47000001", payload["iss"]!.GetValue<string>());
        Assert.Equal("project", payload["ist"]!.GetValue<string>());
        Assert.Equal("session.connect", payload["scope"]!.GetValue<string>());
        Assert.False(payload.ContainsKey("connection_data"));
        foreach (var name in new[] { "iat", "exp", "session_id", "create_time", "expire_time", "nonce", "role", "initial_layout_class_list" })
        {
            Assert.True(payload.ContainsKey(name), name);
        }
    }

    private static string Pad(string b64Url)
    {
        var s = b64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}
