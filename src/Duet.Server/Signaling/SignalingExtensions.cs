using Duet.Server.Api;
using Duet.Server.Signaling.Resumption;
using Duet.Server.Signaling.State;
using Duet.Server.Turn;
using Duet.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Duet.Server.Signaling;

/// <summary>Registers the real-time session service: the hub, the session state (in-memory unless replaced) and the REST live routes.</summary>
public static class SignalingExtensions
{
    /// <summary>The grace (and the forced close delay) is a timer's due time, which cannot exceed about 49 days.</summary>
    private const double MaxReconnectGraceSeconds = 30 * 24 * 3600;

    /// <summary>Heartbeats go to the browser as timeouts, and its setTimeout fires at once beyond about 24.8 days.</summary>
    private const double MaxHeartbeatSeconds = 24 * 3600;

    public static WebApplicationBuilder AddDuetSignaling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddOptions<LimitsOptions>().Bind(config.GetSection(LimitsOptions.Section))
            .Validate(LimitsAreAllPositive, "Every Duet:Limits setting must be more than 0.")
            .ValidateOnStart();
        services.AddOptions<SignalingOptions>().Bind(config.GetSection(SignalingOptions.Section))
            .Validate(o => o.ReconnectGraceSeconds is >= 0 and <= MaxReconnectGraceSeconds,
                $"Duet:Signaling:ReconnectGraceSeconds must be between 0 and {MaxReconnectGraceSeconds} (30 days).")
            .Validate(o => o.KeepAliveSeconds is > 0 and <= MaxHeartbeatSeconds,
                $"Duet:Signaling:KeepAliveSeconds must be more than 0 and at most {MaxHeartbeatSeconds} (a day).")
            .Validate(o => o.ClientTimeoutSeconds > o.KeepAliveSeconds,
                "Duet:Signaling:ClientTimeoutSeconds must be more than KeepAliveSeconds (or live clients are dropped between heartbeats).")
            .Validate(o => o.ClientTimeoutSeconds <= MaxHeartbeatSeconds,
                $"Duet:Signaling:ClientTimeoutSeconds must be at most {MaxHeartbeatSeconds} (a day).")
            .Validate(o => o.ForcedCloseSeconds is >= 0 and <= MaxReconnectGraceSeconds,
                $"Duet:Signaling:ForcedCloseSeconds must be between 0 and {MaxReconnectGraceSeconds} (30 days).")
            .Validate(o => o.ResumeSecretLifetimeHours is > 0 and <= 24 * 30,
                "Duet:Signaling:ResumeSecretLifetimeHours must be more than 0 and at most 720 (30 days).")
            .ValidateOnStart();
        services.AddOptions<IceOptions>().Bind(config.GetSection(IceOptions.Section))
            .Validate(o => o.Servers.All(s => s.Urls.All(IceUrl.IsStunOrTurn)),
                "Every Duet:Ice:Servers URL must be a stun:, stuns:, turn: or turns: URL such as turn:turn.example.com:3478?transport=udp.")
            .Validate(o => o.Servers.All(s => !s.Urls.Any(IceUrl.IsTurn) || (!string.IsNullOrEmpty(s.Username) && !string.IsNullOrEmpty(s.Credential))),
                "A Duet:Ice:Servers entry with a turn: or turns: URL needs its Username and Credential (browsers refuse it otherwise).")
            .ValidateOnStart();
        services.AddOptions<TurnOptions>().Bind(config.GetSection(TurnOptions.Section))
            .Validate(o => o.Urls.All(IceUrl.IsTurn),
                "Every Duet:Turn:Urls entry must be a turn: or turns: URL such as turn:turn.example.com:3478?transport=udp.")
            .Validate(o => string.IsNullOrEmpty(o.Secret) || o.Urls.Count > 0,
                "Duet:Turn:Secret is set but Duet:Turn:Urls lists no TURN server to use it with.")
            .Validate(o => o.Urls.Count == 0 || !string.IsNullOrEmpty(o.Secret),
                "Duet:Turn:Urls is set but Duet:Turn:Secret is empty, so no client would get credentials for it (a TURN server with a fixed username and password goes in Duet:Ice:Servers).")
            .Validate(o => o.TtlSeconds > 0, "Duet:Turn:TtlSeconds must be more than 0.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(config.GetSection(WebhookOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.Url) || (Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "Duet:Webhooks:Url must be an absolute http or https URL.")
            .ValidateOnStart();

        // A shared store (e.g. Redis) registered before or after this call replaces the in-memory one.
        services.TryAddSingleton<ISessionState, InMemorySessionState>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteResumptionStore>();
        services.TryAddSingleton<IEndedConnections>(sp => sp.GetRequiredService<SqliteResumptionStore>());
        services.TryAddSingleton<IServerKeyStore>(sp => sp.GetRequiredService<SqliteResumptionStore>());
        services.AddSingleton<ResumeTickets>();
        services.AddSingleton<SessionGate>();
        services.TryAddSingleton<ISessionLock>(sp => sp.GetRequiredService<SessionGate>());
        services.TryAddSingleton<ICluster, SingleNode>();
        services.AddSingleton<ClientSockets>();
        services.AddSingleton<SignalRateLimiter>();
        services.AddSingleton<IceServerProvider>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<SessionWebhooks>();
        services.AddSingleton<SessionCoordinator>();
        services.AddSingleton<LiveSessionServices>();

        var limits = config.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        var timing = config.GetSection(SignalingOptions.Section).Get<SignalingOptions>() ?? new SignalingOptions();
        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = limits.MaxHubMessageBytes;
            o.KeepAliveInterval = TimeSpan.FromSeconds(timing.KeepAliveSeconds);
            o.ClientTimeoutInterval = TimeSpan.FromSeconds(timing.ClientTimeoutSeconds);
            o.EnableDetailedErrors = false;
            // One invocation at a time per socket: a client's calls are handled in the order it sent them.
            o.MaximumParallelInvocationsPerClient = 1;
        });
        return builder;
    }

    // A zero or negative limit would refuse everyone (or, for the signal rate, never refill); none means "no limit".
    private static bool LimitsAreAllPositive(LimitsOptions o) =>
        typeof(LimitsOptions).GetProperties().All(p => p.GetValue(o) switch { int i => i > 0, double d => d > 0, _ => true });

    public static WebApplication MapDuetSignaling(this WebApplication app)
    {
        // The resume key is loaded before the server listens rather than by the first Connect.
        app.Services.GetRequiredService<ResumeTickets>();
        app.MapHub<SignalingHub>(SignalingHub.Path);
        app.MapLiveSessionApi();
        return app;
    }
}
