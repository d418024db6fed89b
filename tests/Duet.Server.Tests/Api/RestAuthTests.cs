using System.Net;
using System.Text.Json;
using Duet.Testing;

namespace Duet.Server.Tests.Api;

public class RestAuthTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private DuetServerProcess Server => fixture.Server;

    public static TheoryData<string, string?> RefusedHeaders => new()
    {
        { "missing", null },
        { "empty", "" },
        { "not a JWT", "hello" },
        { "T1 token instead of JWT", "T1==cGFydG5lcl9pZD0xJnNpZz0yOmE=" },
        { "expired", RestAuth.Jwt(expiresIn: TimeSpan.FromMinutes(-1)) },
        { "signed with another secret", RestAuth.Jwt(secret: new string('f', 40)) },
        { "issuer type account", RestAuth.Jwt(ist: "account") },
        { "unknown project", RestAuth.Jwt(apiKey: 47999999) },
        { "lives a year", RestAuth.Jwt(expiresIn: TimeSpan.FromDays(365)) },
        { "alg none", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiI0NzAwMDAwMSIsImlzdCI6InByb2plY3QiLCJleHAiOjQxMDI0NDQ4MDB9." },
    };

    [Theory]
    [MemberData(nameof(RefusedHeaders))]
    public async Task SessionCreateRefusesABadHeaderWith403(string why, string? header)
    {
        using var http = RestAuth.Client(Server, header, "application/json");

        using var response = await http.PostAsync("/session/create", RestAuth.Form(("p2p.preference", "enabled")));

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, why);
        await AssertOpenTokErrorAsync(response, 403);
    }

    [Fact]
    public async Task TheApiKeyInThePathMustBeTheJwtsProject()
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt());

        using var response = await http.GetAsync("/v2/project/47000002/session/1_abc/stream");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertOpenTokErrorAsync(response, 403);
    }

    [Fact]
    public async Task AnUnknownProjectInThePathIsRefused()
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt(apiKey: 47999999, secret: new string('e', 40)));

        using var response = await http.GetAsync("/v2/project/47999999/session/1_abc/stream");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AReservedProjectRouteNeedsAuthAndThenAnswersAnOpenTok404()
    {
        using var anonymous = RestAuth.Client(Server);
        using var refused = await anonymous.DeleteAsync("/v2/project/47000001/session/1_abc/connection/xyz");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var http = RestAuth.Client(Server, RestAuth.Jwt());
        using var response = await http.PostAsync("/v2/project/47000001/archive", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertOpenTokErrorAsync(response, 404);
    }

    [Fact]
    public async Task AnIssuerWrittenAsANumberIsAccepted()
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt(iss: DuetServerProcess.ApiKey), "application/json");

        using var response = await http.PostAsync("/session/create", RestAuth.Form());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TwoAuthHeadersAreRefused()
    {
        using var http = RestAuth.Client(Server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/session/create");
        request.Headers.TryAddWithoutValidation(RestAuth.HeaderName, [RestAuth.Jwt(), RestAuth.Jwt()]);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task AssertOpenTokErrorAsync(HttpResponseMessage response, int code)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()));
    }
}
