using Duet.Server.Api;
using Duet.Server.Lan;
using Duet.Server.Rooms;
using Duet.Server.Scaling;
using Duet.Server.Signaling;
using Duet.Server.Storage;
using Duet.Server.Web;

namespace Duet.Server.Hosting;

/// <summary>Wires the parts of the server together; each part adds its own registrations and routes here.</summary>
public static class DuetHostingExtensions
{
    public static WebApplicationBuilder AddDuet(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DuetOptions>().Bind(builder.Configuration.GetSection(DuetOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        // SignalR's long-polling transport posts whole hub messages, so they must fit too.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(limits.MaxRequestBodyBytes, limits.MaxHubMessageBytes));
        builder.AddDuetScaleOut();
        builder.AddDuetStorage();
        builder.AddDuetRooms();
        builder.AddDuetSignaling();
        builder.AddDuetLan();
        return builder;
    }

    public static WebApplication MapDuet(this WebApplication app)
    {
        app.UseDuetScaleOut();
        app.UseDuetStorage();
        app.UseOpenTokErrorBodies();
        app.UseEmbeddingCors();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapDuetSignaling();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapSessionsApi();
        app.MapRoomsApi();
        app.MapDuetApp();
        app.MapDuetLan();
        return app;
    }
}
