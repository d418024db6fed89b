using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Duet.Core.Tokens;
using Duet.Testing;

namespace Duet.Server.Tests;

/// <summary>Builds <c>X-OPENTOK-AUTH</c> headers the way the official SDKs do, and deliberately broken ones.</summary>
public static class RestAuth
{
    public const string HeaderName = "X-OPENTOK-AUTH";

    public static string Jwt(int apiKey = DuetServerProcess.ApiKey, string secret = DuetServerProcess.ApiSecret,
        TimeSpan? expiresIn = null, string ist = "project", object? iss = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Hs256Jwt.Sign(new JsonObject
        {
            ["iss"] = JsonValue.Create(iss ?? apiKey.ToString(CultureInfo.InvariantCulture)),
            ["ist"] = ist,
            ["iat"] = now,
            ["exp"] = now + (long)(expiresIn ?? TimeSpan.FromMinutes(5)).TotalSeconds,
            ["jti"] = Guid.NewGuid().ToString(),
        }, secret);
    }

    public static HttpClient Client(DuetServerProcess server, string? jwt = null, string? accept = null)
    {
        var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(15) };
        if (jwt is not null)
        {
            http.DefaultRequestHeaders.Add(HeaderName, jwt);
        }

        if (accept is not null)
        {
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        return http;
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
