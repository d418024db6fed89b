using System.Text;
using System.Text.Json.Nodes;
using Duet.Core.Sessions;
using Duet.Core.Tokens;
using static Duet.Core.Tests.Tokens.TokenFixtures;

namespace Duet.Core.Tests.Tokens;

/// <summary>Every rule a token can break, each asserting the specific reason (which later becomes an OT error code).</summary>
public class TokenRefusalTests
{
    private static readonly string IdA = SessionA.Id;
    private static readonly long Created = Seconds(Now);
    private static readonly long InADay = Seconds(Now.AddDays(1));

    private static void AssertRefused(TokenRefusal expected, TokenVerification verification)
    {
        Assert.False(verification.IsValid);
        Assert.Null(verification.Claims);
        Assert.Equal(expected, verification.Refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoTokenIsMissing(string? token) => AssertRefused(TokenRefusal.Missing, Verify(token));

    [Fact]
    public void AnUnknownProjectIsRefusedBeforeTheTokenIsRead() =>
        AssertRefused(TokenRefusal.UnknownProject, TokenVerifier.Verify(T1(NodeT1Data(IdA, Created, InADay)), null, IdA, SessionA, Now));

    [Theory]
    [InlineData("hello")]
    [InlineData("T2==abcd")]
    [InlineData("Bearer eyJhbGciOi")]
    public void SomethingElseIsAnUnknownFormat(string token) => AssertRefused(TokenRefusal.UnknownFormat, Verify(token));

    [Theory]
    [InlineData("T1==!!!notbase64!!!")]
    [InlineData("T1==/w==")] // valid Base64 of a byte that is not UTF-8
    public void T1WithBrokenBase64IsMalformedBase64(string token) => AssertRefused(TokenRefusal.MalformedBase64, Verify(token));

    [Theory]
    [InlineData("partner_id=47000001&sig=abc")] // no ':' before the data
    [InlineData("sig=0123456789012345678901234567890123456789:session_id=x")] // no partner_id
    [InlineData("partner_id=47000001:session_id=x")] // no sig
    public void T1WithoutItsPartsIsMalformedT1(string decoded) =>
        AssertRefused(TokenRefusal.MalformedT1, Verify("T1==" + Convert.ToBase64String(Encoding.UTF8.GetBytes(decoded))));

    [Fact]
    public void T1WithARepeatedFieldIsMalformedT1()
    {
        var data = NodeT1Data(IdA, Created, InADay) + "&role=moderator";
        AssertRefused(TokenRefusal.MalformedT1, Verify(T1(data)));
    }

    [Theory]
    [InlineData("eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9..sig")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.%%%.sig")]
    [InlineData("eyJub3QganNvbg.e30.c2ln")] // header is not JSON
    [InlineData("eyJhbGciOiJIUzI1NiJ9.WzFd.c2ln")] // payload is an array
    public void BrokenJwtsAreMalformedJwt(string token) => AssertRefused(TokenRefusal.MalformedJwt, Verify(token));

    [Fact]
    public void AJwtWithARepeatedClaimIsMalformed()
    {
        var claims = JwtClaims().ToJsonString();
        var payload = claims.TrimEnd('}') + ",\"session_id\":\"" + SessionA2.Id + "\"}";
        AssertRefused(TokenRefusal.MalformedJwt, Verify(RawJwt("""{"alg":"HS256","typ":"JWT"}""", payload)));
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"JWT"}""")]
    [InlineData("""{"alg":"HS512","typ":"JWT"}""")]
    [InlineData("""{"alg":"RS256","typ":"JWT"}""")]
    [InlineData("""{"typ":"JWT"}""")]
    public void OnlyHs256IsAccepted(string header) => AssertRefused(TokenRefusal.UnsupportedAlgorithm, Verify(JwtWithHeader(header, JwtClaims())));

    [Fact]
    public void AnUnsignedAlgNoneJwtIsRefusedForItsAlgorithm()
    {
        var token = B64Url("""{"alg":"none"}"""u8.ToArray()) + "." + B64Url(Encoding.UTF8.GetBytes(JwtClaims().ToJsonString())) + ".";
        AssertRefused(TokenRefusal.UnsupportedAlgorithm, Verify(token));
    }

    [Fact]
    public void ATamperedT1DataStringHasABadSignature()
    {
        var token = T1(NodeT1Data(IdA, Created, InADay, role: "subscriber"));
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(token[4..])).Replace("role=subscriber", "role=moderator", StringComparison.Ordinal);
        AssertRefused(TokenRefusal.BadSignature, Verify("T1==" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void AT1SignedWithAnotherSecretHasABadSignature() =>
        AssertRefused(TokenRefusal.BadSignature, Verify(T1(NodeT1Data(IdA, Created, InADay), secret: ProjectB.ApiSecret)));

    [Fact]
    public void AT1WhoseSigIsNotHexHasABadSignature()
    {
        var text = $"partner_id={ProjectA.ApiKey}&sig=zz{new string('0', 38)}:{NodeT1Data(IdA, Created, InADay)}";
        AssertRefused(TokenRefusal.BadSignature, Verify("T1==" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void ATamperedJwtPayloadHasABadSignature()
    {
        var parts = Jwt(JwtClaims()).Split('.');
        var forged = B64Url(Encoding.UTF8.GetBytes(JwtClaims(change: c => c["role"] = "moderator").ToJsonString()));
        AssertRefused(TokenRefusal.BadSignature, Verify(parts[0] + "." + forged + "." + parts[2]));
    }

    [Fact]
    public void AJwtSignedWithAnotherSecretHasABadSignature() =>
        AssertRefused(TokenRefusal.BadSignature, Verify(Jwt(JwtClaims(), ProjectB.ApiSecret)));

    [Fact]
    public void AJwtWithAnEmptySignatureHasABadSignature()
    {
        var parts = Jwt(JwtClaims()).Split('.');
        AssertRefused(TokenRefusal.BadSignature, Verify(parts[0] + "." + parts[1] + "."));
    }

    [Fact]
    public void AT1OfAnotherProjectIsAnApiKeyMismatch()
    {
        var token = TokenGenerator.Generate(ProjectB, SessionB.Id, new TokenOptions(), Now, TokenFormat.T1);
        AssertRefused(TokenRefusal.ApiKeyMismatch, Verify(token));
    }

    [Fact]
    public void AJwtOfAnotherProjectIsAnApiKeyMismatch()
    {
        var token = TokenGenerator.Generate(ProjectB, SessionB.Id, new TokenOptions(), Now);
        AssertRefused(TokenRefusal.ApiKeyMismatch, Verify(token));
    }

    [Fact]
    public void AJwtNotIssuedByAProjectIsRefused() =>
        AssertRefused(TokenRefusal.NotProjectIssuer, Verify(Jwt(JwtClaims(change: c => c["ist"] = "account"))));

    [Fact]
    public void AT1WithoutASessionIdIsRefused() =>
        AssertRefused(TokenRefusal.MissingSessionId, Verify(T1($"create_time={Created}&nonce=1&role=publisher")));

    [Fact]
    public void AJwtWithoutASessionIdIsRefused() =>
        AssertRefused(TokenRefusal.MissingSessionId, Verify(Jwt(JwtClaims(change: c => c.Remove("session_id")))));

    [Fact]
    public void AT1ForAnotherSessionIsASessionMismatch() =>
        AssertRefused(TokenRefusal.SessionMismatch, Verify(T1(NodeT1Data(SessionA2.Id, Created, InADay))));

    [Fact]
    public void AJwtForAnotherSessionIsASessionMismatch() =>
        AssertRefused(TokenRefusal.SessionMismatch, Verify(TokenGenerator.Generate(ProjectA, SessionA2.Id, new TokenOptions(), Now)));

    [Fact]
    public void JoiningAnUndecodableSessionIdIsAnInvalidSessionId() =>
        AssertRefused(TokenRefusal.InvalidSessionId, TokenVerifier.Verify(T1(NodeT1Data("garbage", Created, InADay)), ProjectA, "garbage", null, Now));

    [Fact]
    public void ASessionThatWasNeverCreatedIsNotFound()
    {
        var unknown = SessionId.Create(ProjectA.ApiKey, "", Now);
        AssertRefused(TokenRefusal.SessionNotFound, TokenVerifier.Verify(T1(NodeT1Data(unknown, Created, InADay)), ProjectA, unknown, null, Now));
    }

    [Fact]
    public void ASessionStoredForAnotherProjectIsRefused()
    {
        // A token of project A for a session that belongs to project B (its ID is B's), signed with A's secret.
        var token = T1(NodeT1Data(SessionB.Id, Created, InADay));
        AssertRefused(TokenRefusal.SessionOfAnotherProject, TokenVerifier.Verify(token, ProjectA, SessionB.Id, SessionB, Now));
    }

    [Fact]
    public void AScopeOtherThanSessionConnectIsRefused() =>
        AssertRefused(TokenRefusal.InvalidScope, Verify(Jwt(JwtClaims(change: c => c["scope"] = "session.admin"))));

    [Fact]
    public void AT1WithoutCreateTimeIsRefused() =>
        AssertRefused(TokenRefusal.MissingCreateTime, Verify(T1($"session_id={IdA}&nonce=1&role=publisher&expire_time={InADay}")));

    [Theory]
    [InlineData("abc", "1760086400")]
    [InlineData("1760000000", "tomorrow")]
    [InlineData("-5", "1760086400")]
    [InlineData("1e9", "1760086400")]
    public void NonNumericTimesAreInvalidTimestamps(string created, string expires) =>
        AssertRefused(TokenRefusal.InvalidTimestamp, Verify(T1($"session_id={IdA}&create_time={created}&expire_time={expires}&role=publisher")));

    [Fact]
    public void AT1CreatedInTheFutureIsRefused() =>
        AssertRefused(TokenRefusal.CreatedInFuture, Verify(T1(NodeT1Data(IdA, Seconds(Now.AddHours(1)), Seconds(Now.AddDays(1))))));

    [Fact]
    public void AJwtIssuedInTheFutureIsRefused() =>
        AssertRefused(TokenRefusal.CreatedInFuture, Verify(Jwt(JwtClaims(change: c =>
        {
            c["create_time"] = Seconds(Now.AddMinutes(30));
            c["iat"] = Seconds(Now.AddMinutes(30));
        }))));

    [Fact]
    public void AnExpiredT1IsRefused() =>
        AssertRefused(TokenRefusal.Expired, Verify(T1(NodeT1Data(IdA, Seconds(Now.AddDays(-2)), Seconds(Now.AddSeconds(-1))))));

    [Fact]
    public void ADotNetT1WithoutExpireTimeExpiresADayAfterCreation() =>
        AssertRefused(TokenRefusal.Expired, Verify(T1(DotNetT1Data(IdA, Seconds(Now.AddDays(-1).AddSeconds(-1))))));

    [Fact]
    public void AnExpiredJwtIsRefused() =>
        AssertRefused(TokenRefusal.Expired, Verify(Jwt(JwtClaims(change: c =>
        {
            c["iat"] = Seconds(Now.AddHours(-2));
            c["create_time"] = Seconds(Now.AddHours(-2));
            c["exp"] = Seconds(Now.AddHours(-1));
            c["expire_time"] = Seconds(Now.AddHours(-1));
        }))));

    [Fact]
    public void AJwtWhoseExpClaimHasPassedIsExpiredEvenIfExpireTimeHasNot() =>
        AssertRefused(TokenRefusal.Expired, Verify(Jwt(JwtClaims(change: c =>
        {
            c["iat"] = Seconds(Now.AddHours(-1));
            c["create_time"] = Seconds(Now.AddHours(-1));
            c["exp"] = Seconds(Now.AddSeconds(-10));
        }))));

    [Fact]
    public void ATokenThatExpiresBeforeItWasCreatedIsRefused() =>
        AssertRefused(TokenRefusal.ExpiresBeforeCreated, Verify(T1(NodeT1Data(IdA, Created, Created - 60))));

    [Fact]
    public void ALifetimeOverThirtyDaysIsRefused() =>
        AssertRefused(TokenRefusal.LifetimeTooLong, Verify(T1(NodeT1Data(IdA, Created, Seconds(Now.AddDays(30).AddSeconds(1))))));

    [Fact]
    public void AJwtLivingOverThirtyDaysIsRefused() =>
        AssertRefused(TokenRefusal.LifetimeTooLong, Verify(Jwt(JwtClaims(change: c =>
        {
            c["exp"] = Seconds(Now.AddDays(31));
            c["expire_time"] = Seconds(Now.AddDays(31));
        }))));

    [Theory]
    [InlineData("admin")]
    [InlineData("Publisher")]
    [InlineData("")]
    public void AnUnknownRoleIsRefused(string role) =>
        AssertRefused(TokenRefusal.InvalidRole, Verify(T1(NodeT1Data(IdA, Created, InADay, role: role))));

    [Fact]
    public void ConnectionDataOver1000CharactersIsRefused() =>
        AssertRefused(TokenRefusal.ConnectionDataTooLong, Verify(T1(NodeT1Data(IdA, Created, InADay, data: new string('x', 1001)))));

    [Fact]
    public void JwtConnectionDataOver1000CharactersIsRefused() =>
        AssertRefused(TokenRefusal.ConnectionDataTooLong, Verify(Jwt(JwtClaims(change: c => c["connection_data"] = new string('é', 1001)))));

    [Fact]
    public void ALayoutClassListOver1024CharactersIsRefused() =>
        AssertRefused(TokenRefusal.LayoutClassListTooLong, Verify(T1(NodeT1Data(IdA, Created, InADay, layout: new string('a', 1025)))));

    [Fact]
    public void EveryRefusalMapsToAnOtCodeAndASentence()
    {
        foreach (var refusal in Enum.GetValues<TokenRefusal>().Where(r => r != TokenRefusal.None))
        {
            Assert.Contains(refusal.ToOtErrorCode(), new[] { 1004, 1005 });
            Assert.NotEqual(refusal.ToString(), refusal.Describe());
        }

        Assert.Equal(1005, TokenRefusal.SessionNotFound.ToOtErrorCode());
        Assert.Equal(1004, TokenRefusal.Expired.ToOtErrorCode());
    }
}
