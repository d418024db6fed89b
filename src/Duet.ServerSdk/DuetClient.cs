using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.Core.Tokens;

namespace Duet.ServerSdk;

/// <summary>
/// A Duet (or OpenTok-compatible) server seen from a customer's backend, shaped like OpenTok's .NET SDK:
/// <c>new DuetClient(apiKey, apiSecret, "https://duet.example.com")</c>. Tokens are made locally with the secret;
/// everything else is a REST call authenticated with a short-lived <c>X-OPENTOK-AUTH</c> JWT.
/// </summary>
public sealed class DuetClient : IDisposable
{
    /// <summary>How long each REST call's auth JWT lives (the official SDKs use 5 minutes).</summary>
    public static readonly TimeSpan AuthLifetime = TimeSpan.FromMinutes(5);

    private static readonly string UserAgent =
        "Duet-DotNet-SDK/" + (typeof(DuetClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    private readonly Project _project;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;

    /// <param name="apiUrl">The server's base URL, e.g. <c>http://localhost:5080</c>.</param>
    public DuetClient(int apiKey, string apiSecret, string apiUrl)
        : this(apiKey, apiSecret, apiUrl, new HttpClient(), ownsHttp: true, TimeProvider.System)
    {
    }

    /// <param name="httpClient">Used as is (timeouts, handlers, proxies are the caller's); not disposed by this client.</param>
    public DuetClient(int apiKey, string apiSecret, string apiUrl, HttpClient httpClient, TimeProvider? timeProvider = null)
        : this(apiKey, apiSecret, apiUrl, httpClient, ownsHttp: false, timeProvider ?? TimeProvider.System)
    {
    }

    private DuetClient(int apiKey, string apiSecret, string apiUrl, HttpClient http, bool ownsHttp, TimeProvider time)
    {
        if (!ProjectCredentials.IsValidApiKey(apiKey))
        {
            throw new ArgumentOutOfRangeException(nameof(apiKey), "The API key must be a positive number.");
        }

        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        if (!Uri.TryCreate(apiUrl?.TrimEnd('/'), UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The API URL must be an absolute http or https URL.", nameof(apiUrl));
        }

        _project = new Project(apiKey, apiSecret, "", DateTimeOffset.UnixEpoch);
        ApiUrl = baseUri.ToString().TrimEnd('/');
        _http = http;
        _ownsHttp = ownsHttp;
        _time = time;
    }

    public int ApiKey => _project.ApiKey;

    /// <summary>The base URL, without a trailing slash.</summary>
    public string ApiUrl { get; }

    /// <summary>Creates a session (<c>POST /session/create</c>).</summary>
    /// <param name="location">An IP address hint, or "" for none.</param>
    /// <exception cref="ArgumentException">Always-archived sessions must be routed (as in OpenTok).</exception>
    public async Task<CreatedSession> CreateSessionAsync(string location = "", MediaMode mediaMode = MediaMode.Relayed,
        ArchiveMode archiveMode = ArchiveMode.Manual, CancellationToken cancellationToken = default)
    {
        var options = new SessionCreateOptions { Location = location ?? "", MediaMode = mediaMode, ArchiveMode = archiveMode };
        if (SessionFactory.Validate(options) is { } error)
        {
            throw new ArgumentException(error);
        }

        using var request = NewRequest(HttpMethod.Post, "/session/create");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["location"] = options.Location,
            ["p2p.preference"] = mediaMode == MediaMode.Routed ? "disabled" : "enabled",
            ["archiveMode"] = archiveMode == ArchiveMode.Always ? "always" : "manual",
        });
        using var json = await SendForJsonAsync(request, cancellationToken);
        if (json?.RootElement is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0
            || !array[0].TryGetProperty("session_id", out var id) || id.GetString() is not { Length: > 0 } sessionId)
        {
            throw new DuetApiException(HttpStatusCode.OK, "The server's answer to /session/create has no session_id.");
        }

        return new CreatedSession(sessionId, ApiKey, mediaMode, archiveMode, options.Location);
    }

    /// <summary>Makes a token for a session of this project, locally (no request).</summary>
    /// <param name="expireTime">Default: 24 hours from now; at most 30 days from now.</param>
    /// <param name="data">Connection data (≤ 1000 characters) every peer sees as <c>connection.data</c>.</param>
    /// <param name="format">JWT (node's default) or the legacy T1 form (the OpenTok .NET SDK's default).</param>
    /// <exception cref="ArgumentException">The session is not this project's, or an option breaks a limit.</exception>
    public string GenerateToken(string sessionId, Role role = Role.Publisher, DateTimeOffset? expireTime = null, string? data = null,
        IReadOnlyList<string>? initialLayoutClassList = null, TokenFormat format = TokenFormat.Jwt) =>
        TokenGenerator.Generate(_project, sessionId,
            new TokenOptions { Role = role, ExpireTime = expireTime, Data = data, InitialLayoutClassList = initialLayoutClassList },
            _time.GetUtcNow(), format);

    /// <summary>Sends a signal to every connection of the session, or to one (<paramref name="connectionId"/>).</summary>
    public async Task SignalAsync(string sessionId, string? type, string data, string? connectionId = null, CancellationToken cancellationToken = default)
    {
        var path = SessionPath(sessionId) + (connectionId is null ? "" : "/connection/" + Segment(connectionId, nameof(connectionId))) + "/signal";
        var body = new JsonObject { ["data"] = data ?? throw new ArgumentNullException(nameof(data)) };
        if (type is not null)
        {
            body["type"] = type;
        }

        await SendAsync(HttpMethod.Post, path, body, cancellationToken);
    }

    /// <summary>Disconnects a client from the session.</summary>
    public Task ForceDisconnectAsync(string sessionId, string connectionId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, SessionPath(sessionId) + "/connection/" + Segment(connectionId, nameof(connectionId)), null, cancellationToken);

    public async Task<IReadOnlyList<StreamInfo>> ListStreamsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        using var json = await SendAsync(HttpMethod.Get, SessionPath(sessionId) + "/stream", null, cancellationToken);
        return Items(json).Select(ReadStream).ToList();
    }

    public async Task<StreamInfo> GetStreamAsync(string sessionId, string streamId, CancellationToken cancellationToken = default)
    {
        using var json = await SendAsync(HttpMethod.Get, SessionPath(sessionId) + "/stream/" + Segment(streamId, nameof(streamId)), null, cancellationToken);
        return json is null ? throw new DuetApiException(HttpStatusCode.OK, "The server sent no stream.") : ReadStream(json.RootElement);
    }

    /// <summary>Mutes one stream's audio (the publisher may unmute).</summary>
    public Task ForceMuteStreamAsync(string sessionId, string streamId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, SessionPath(sessionId) + "/stream/" + Segment(streamId, nameof(streamId)) + "/mute", new JsonObject(), cancellationToken);

    /// <summary>Mutes every stream (and streams published later) except <paramref name="excludedStreamIds"/>.</summary>
    public Task ForceMuteAllAsync(string sessionId, IEnumerable<string>? excludedStreamIds = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, SessionPath(sessionId) + "/mute", new JsonObject
        {
            ["active"] = true,
            ["excludedStreamIds"] = new JsonArray((excludedStreamIds ?? []).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
        }, cancellationToken);

    /// <summary>Ends a <see cref="ForceMuteAllAsync"/>: streams published from now on are not muted.</summary>
    public Task DisableForceMuteAsync(string sessionId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, SessionPath(sessionId) + "/mute", new JsonObject { ["active"] = false }, cancellationToken);

    public async Task<IReadOnlyList<ConnectionInfo>> ListConnectionsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        using var json = await SendAsync(HttpMethod.Get, SessionPath(sessionId) + "/connection", null, cancellationToken);
        return Items(json).Select(c => new ConnectionInfo(
            c.GetProperty("connectionId").GetString() ?? "",
            c.TryGetProperty("connectionState", out var state) ? state.GetString() : null,
            c.TryGetProperty("createdAt", out var at) && at.TryGetInt64(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null)).ToList();
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>The <c>X-OPENTOK-AUTH</c> value: HS256, iss = API key, ist = project, 5 minutes.</summary>
    internal string NewAuthJwt()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return Hs256Jwt.Sign(new JsonObject
        {
            ["iss"] = ApiKey.ToString(CultureInfo.InvariantCulture),
            ["ist"] = "project",
            ["iat"] = now,
            ["exp"] = now + (long)AuthLifetime.TotalSeconds,
            ["jti"] = Guid.NewGuid().ToString("N"),
        }, _project.ApiSecret);
    }

    private string SessionPath(string sessionId) =>
        "/v2/project/" + ApiKey.ToString(CultureInfo.InvariantCulture) + "/session/" + Segment(sessionId, nameof(sessionId));

    private static string Segment(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return Uri.EscapeDataString(value);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, ApiUrl + path);
        request.Headers.TryAddWithoutValidation("X-OPENTOK-AUTH", NewAuthJwt());
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return request;
    }

    private async Task<JsonDocument?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = NewRequest(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await SendForJsonAsync(request, cancellationToken);
    }

    private async Task<JsonDocument?> SendForJsonAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        string text;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            response?.Dispose();
            throw new DuetApiException(e.StatusCode ?? 0, $"Cannot reach {ApiUrl}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout, not the caller's cancellation: the server is there but does not answer.
            response?.Dispose();
            throw new DuetApiException(0, $"{ApiUrl} did not answer within {_http.Timeout.TotalSeconds:0.#} s.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DuetApiException(response.StatusCode, ErrorMessage(response.StatusCode, text));
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                return JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw new DuetApiException(response.StatusCode, "The server's answer is not JSON.", e);
            }
        }
    }

    private static string ErrorMessage(HttpStatusCode status, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var m)
                && m.ValueKind == JsonValueKind.String && m.GetString() is { Length: > 0 } message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
        }

        return $"The server answered {(int)status} {status}.";
    }

    private static IEnumerable<JsonElement> Items(JsonDocument? json) =>
        json?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().ToList()
            : throw new DuetApiException(HttpStatusCode.OK, "The server's answer has no items list.");

    private static StreamInfo ReadStream(JsonElement s) => new(
        s.GetProperty("id").GetString() ?? "",
        s.TryGetProperty("videoType", out var vt) ? vt.GetString() : null,
        s.TryGetProperty("name", out var n) ? n.GetString() : null,
        s.TryGetProperty("layoutClassList", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.EnumerateArray().Select(c => c.GetString() ?? "").ToList()
            : []);
}
