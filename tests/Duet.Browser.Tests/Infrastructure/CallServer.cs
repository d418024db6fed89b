using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Duet.Core.Projects;
using Duet.Core.Tokens;
using Duet.Testing;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests.Infrastructure;

/// <summary>
/// The real Duet server for a test class: sessions are created through its OpenTok REST API
/// (<c>POST /session/create</c> with <c>X-OPENTOK-AUTH</c>), tokens come from Duet.Core's generator with the
/// seeded project's secret — exactly what a customer's backend does.
/// </summary>
public class CallServer : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Dictionary<string, Task<BrowserUser>> _users = [];
    private DuetServerProcess? _process;

    public CallServer()
        : this(new Dictionary<string, string>())
    {
    }

    protected CallServer(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
    }

    public static Project Project { get; } = new(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, "test", DateTimeOffset.UnixEpoch);

    public static string ApiKey => DuetServerProcess.ApiKey.ToString(CultureInfo.InvariantCulture);

    public DuetServerProcess Process => _process ?? throw new InvalidOperationException("The server is not started.");

    public Uri BaseUri => Process.BaseUri;

    public virtual async Task InitializeAsync()
    {
        _process = await DuetServerProcess.StartAsync(await PrepareSettingsAsync());
    }

    /// <summary>The server's extra settings; subclasses start what the server should point at (e.g. coturn) here.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> PrepareSettingsAsync() => Task.FromResult(_settings);

    /// <summary>
    /// A browser (one Chromium profile) shared by the tests of this class under that name: launching Chromium is
    /// the slow part of a browser test, pages are cheap. Tests open their own pages and close them.
    /// </summary>
    public Task<BrowserUser> UserAsync(string name)
    {
        lock (_users)
        {
            if (!_users.TryGetValue(name, out var user))
            {
                user = ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = name });
                _users[name] = user;
            }

            return user;
        }
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var user in _users.Values)
        {
            await (await user).DisposeAsync();
        }

        _users.Clear();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    /// <summary>A new relayed session, created the way an OpenTok server SDK creates one.</summary>
    public async Task<string> CreateSessionAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-OPENTOK-AUTH", ProjectJwt());
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        using var response = await http.PostAsync(new Uri("/session/create", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["p2p.preference"] = "enabled" }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"session/create answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement[0].GetProperty("session_id").GetString()!;
    }

    public static string Token(string sessionId, Role role = Role.Publisher, string? data = null) =>
        TokenGenerator.Generate(Project, sessionId, new TokenOptions { Role = role, Data = data }, DateTimeOffset.UtcNow);

    /// <summary>A correctly signed token that expired a minute ago.</summary>
    public static string ExpiredToken(string sessionId)
    {
        var issued = DateTimeOffset.UtcNow.AddHours(-1);
        return TokenGenerator.Generate(Project, sessionId, new TokenOptions { ExpireTime = DateTimeOffset.UtcNow.AddMinutes(-1) }, issued);
    }

    private static string ProjectJwt()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Hs256Jwt.Sign(new JsonObject
        {
            ["iss"] = ApiKey,
            ["ist"] = "project",
            ["iat"] = now,
            ["exp"] = now + 300,
            ["jti"] = Guid.NewGuid().ToString(),
        }, DuetServerProcess.ApiSecret);
    }
}
