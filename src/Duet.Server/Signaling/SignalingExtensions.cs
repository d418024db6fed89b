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
    public static WebApplicationBuilder AddDuetSignaling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddOptions<LimitsOptions>().Bind(config.GetSection(LimitsOptions.Section));
        services.AddOptions<SignalingOptions>().Bind(config.GetSection(SignalingOptions.Section));
        services.AddOptions<IceOptions>().Bind(config.GetSection(IceOptions.Section));
        services.AddOptions<TurnOptions>().Bind(config.GetSection(TurnOptions.Section));
        services.AddOptions<WebhookOptions>().Bind(config.GetSection(WebhookOptions.Section));

        // A shared store (e.g. Redis) registered before or after this call replaces the in-memory one.
        services.TryAddSingleton<ISessionState, InMemorySessionState>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteResumptionStore>();
        services.TryAddSingleton<IEndedConnections>(sp => sp.GetRequiredService<SqliteResumptionStore>());
        services.TryAddSingleton<IServerKeyStore>(sp => sp.GetRequiredService<SqliteResumptionStore>());
        services.AddSingleton<ResumeTickets>();
        services.AddSingleton<SessionGate>();
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

    public static WebApplication MapDuetSignaling(this WebApplication app)
    {
        app.MapHub<SignalingHub>(SignalingHub.Path);
        app.MapLiveSessionApi();
        return app;
    }
}
