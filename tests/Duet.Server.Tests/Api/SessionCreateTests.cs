using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Duet.Core.Sessions;
using Duet.Testing;

namespace Duet.Server.Tests.Api;

public class SessionCreateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private DuetServerProcess Server => fixture.Server;

    [Fact]
    public async Task JsonCallersGetAnArrayWithTheNewRelayedSession()
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt(), "application/json");

        using var response = await http.PostAsync("/session/create", RestAuth.Form(("archiveMode", "manual"), ("p2p.preference", "enabled")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var item = Assert.Single(json.RootElement.EnumerateArray());
        var id = item.GetProperty("session_id").GetString()!;
        Assert.Equal("47000001", item.GetProperty("project_id").GetString());
        Assert.Equal("47000001", item.GetProperty("partner_id").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("create_dt").GetString()));
        Assert.True(SessionId.TryDecode(id, out var parts));
        Assert.Equal(DuetServerProcess.ApiKey, parts.ApiKey);

        var stored = await ServerData.FindSessionAsync(Server, id);
        Assert.NotNull(stored);
        Assert.Equal(MediaMode.Relayed, stored.MediaMode);
        Assert.Equal(ArchiveMode.Manual, stored.ArchiveMode);
        Assert.Null(stored.MaxConnections);
    }

    [Fact]
    public async Task OtherCallersGetTheXmlDocumentTheDotNetSdkReads()
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt());

        // The .NET SDK's body: always e2ee, location empty by default.
        using var response = await http.PostAsync("/session/create", RestAuth.Form(
            ("location", "10.1.2.3"), ("p2p.preference", "disabled"), ("archiveMode", "always"), ("e2ee", "False")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("sessions", xml.Root!.Name.LocalName);
        var session = Assert.Single(xml.Root.Elements("Session"));
        var id = session.Element("session_id")!.Value;
        Assert.Equal("47000001", session.Element("partner_id")!.Value);
        Assert.NotEmpty(session.Element("create_dt")!.Value);

        var stored = await ServerData.FindSessionAsync(Server, id);
        Assert.Equal(MediaMode.Routed, stored!.MediaMode);
        Assert.Equal(ArchiveMode.Always, stored.ArchiveMode);
        Assert.Equal("10.1.2.3", stored.Location);
        Assert.True(SessionId.TryDecode(id, out var parts));
        Assert.Equal("10.1.2.3", parts.Location);
    }

    [Fact]
    public async Task AnEmptyBodyTakesOpenTokDefaults()
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt(), "application/json");

        using var response = await http.PostAsync("/session/create", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var stored = await ServerData.FindSessionAsync(Server, json.RootElement[0].GetProperty("session_id").GetString()!);
        Assert.Equal(MediaMode.Relayed, stored!.MediaMode);
        Assert.Equal("", stored.Location);
    }

    [Theory]
    [InlineData("archiveMode", "always", "p2p.preference", "enabled")]
    [InlineData("archiveMode", "always", "p2p.preference", "")]
    [InlineData("p2p.preference", "sometimes", "archiveMode", "manual")]
    [InlineData("archiveMode", "weekly", "p2p.preference", "disabled")]
    [InlineData("location", "not-an-ip", "p2p.preference", "enabled")]
    [InlineData("location", "1", "p2p.preference", "enabled")]
    [InlineData("location", "10.0.0.1~x", "p2p.preference", "enabled")]
    [InlineData("location", "fe80::1%eth0", "p2p.preference", "enabled")]
    [InlineData("e2ee", "maybe", "p2p.preference", "enabled")]
    public async Task BadOptionsAre400WithAMessage(string field1, string value1, string field2, string value2)
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt(), "application/json");

        using var response = await http.PostAsync("/session/create", RestAuth.Form((field1, value1), (field2, value2)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task AnArchiveNameLongerThan80CharactersIs400()
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt(), "application/json");

        using var response = await http.PostAsync("/session/create", RestAuth.Form(("archiveName", new string('a', 81))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=x", "garbage")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"location\"\r\n\r\n1.2.3.4")]
    [InlineData("multipart/form-data", "--x--")]
    public async Task AMalformedMultipartBodyIs400AndTheServerKeepsServing(string contentType, string body)
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt(), "application/json");
        using var content = new StringContent(body);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await http.PostAsync("/session/create", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("code").GetInt32());
        using var next = await http.PostAsync("/session/create", RestAuth.Form(("p2p.preference", "enabled")));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/session/create", 405)]
    [InlineData("GET", "/session/create", 405)]
    [InlineData("POST", "/no/such/route", 404)]
    public async Task ErrorsTheFrameworkAnswersCarryAJsonMessageToo(string method, string path, int status)
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt(), "application/json");

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, json.RootElement.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedWith413AndAJsonMessageAndTheServerCarriesOn()
    {
        using var http = RestAuth.Client(Server, RestAuth.Jwt(), "application/json");
        var huge = new string('x', 300 * 1024);

        using var created = await http.PostAsync("/session/create", RestAuth.Form());
        using var createdJson = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var sessionId = createdJson.RootElement[0].GetProperty("session_id").GetString();

        using var form = await http.PostAsync("/session/create", RestAuth.Form(("location", huge)));
        using var json = await http.PostAsync($"/v2/project/{DuetServerProcess.ApiKey}/session/{sessionId}/signal",
            new StringContent($"{{\"type\":\"t\",\"data\":\"{huge}\"}}", System.Text.Encoding.UTF8, "application/json"));

        foreach (var response in new[] { form, json })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(413, body.RootElement.GetProperty("code").GetInt32());
        }

        using var next = await http.PostAsync("/session/create", RestAuth.Form(("p2p.preference", "enabled")));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
