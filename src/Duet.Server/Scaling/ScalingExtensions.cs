using Duet.Server.Hosting;
using Duet.Server.Signaling;
using Duet.Server.Signaling.Resumption;
using Duet.Server.Signaling.State;
using Duet.Storage.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SignalRRedisOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace Duet.Server.Scaling;

/// <summary>
/// Scale-out over Redis, only when <c>Duet:Redis:Configuration</c> is set: live session state, the per-session lock,
/// sessions and rooms, the resume key and ended connections move to Redis, SignalR messages to sockets on other nodes
/// go through its backplane, and nodes watch each other's heartbeats. Without the setting nothing here is registered.
/// </summary>
public static class ScalingExtensions
{
    public static WebApplicationBuilder AddDuetScaleOut(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(RedisOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(RedisOptions.Configuration)]))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<RedisOptions>().Bind(section)
            // The heartbeat is a periodic timer, whose period cannot exceed about 49 days.
            .Validate(o => o.NodeTimeoutSeconds is >= 1 and <= 30 * 24 * 3600, "Duet:Redis:NodeTimeoutSeconds must be at least 1 and at most 2592000 (30 days).")
            .ValidateOnStart();
        services.AddSingleton<IConnectionMultiplexer>(sp => Connect(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration!));
        services.AddSingleton(new RedisKeys());

        // These replace the single-node registrations whichever order the parts are added in.
        Use<ISessionState, RedisSessionState>(services);
        Use<ISessionLock, RedisSessionLock>(services);
        Use<ISessionStore, RedisSessionStore>(services);
        Use<IRoomStore, RedisRoomStore>(services);
        services.AddSingleton<RedisResumptionStore>();
        services.RemoveAll<IEndedConnections>().AddSingleton<IEndedConnections>(sp => sp.GetRequiredService<RedisResumptionStore>());
        services.RemoveAll<IServerKeyStore>().AddSingleton<IServerKeyStore>(sp => sp.GetRequiredService<RedisResumptionStore>());
        services.AddSingleton<RedisCluster>();
        services.RemoveAll<ICluster>().AddSingleton<ICluster>(sp => sp.GetRequiredService<RedisCluster>());
        services.AddHostedService<ClusterHeartbeat>();

        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<SignalRRedisOptions>().Configure<IConnectionMultiplexer>((o, redis) => o.ConnectionFactory = _ => Task.FromResult(redis));
        return builder;
    }

    /// <summary>Connects to Redis before the server listens, so a wrong or unreachable Redis stops start-up with a clear message.</summary>
    public static WebApplication UseDuetScaleOut(this WebApplication app)
    {
        if (app.Services.GetService<IOptions<RedisOptions>>() is { } options && !string.IsNullOrWhiteSpace(options.Value.Configuration))
        {
            var redis = app.Services.GetRequiredService<IConnectionMultiplexer>();
            app.Logger.LogInformation("Scale-out: Redis at {Endpoints}", string.Join(", ", redis.GetEndPoints().Select(e => e.ToString())));
        }

        return app;
    }

    private static void Use<TService, TImplementation>(IServiceCollection services)
        where TService : class
        where TImplementation : class, TService
    {
        services.RemoveAll<TService>();
        services.AddSingleton<TService, TImplementation>();
    }

    private static ConnectionMultiplexer Connect(string configuration)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException e)
        {
            throw new DuetConfigurationException($"Duet:Redis:Configuration is not a valid Redis connection string: {e.Message}");
        }

        // Fail now rather than retry in the background: a node without its shared state must not serve.
        options.AbortOnConnectFail = true;
        var endpoints = string.Join(", ", options.EndPoints.Select(e => e.ToString()));
        try
        {
            return ConnectionMultiplexer.Connect(options);
        }
        catch (RedisConnectionException)
        {
            throw new DuetConfigurationException($"Redis is not reachable at {endpoints} (Duet:Redis:Configuration).");
        }
    }
}
