using Duet.Core.Sessions;
using Duet.Core.Tokens;
using Duet.Server.Api;
using Duet.Server.Storage;
using Microsoft.Extensions.Options;

namespace Duet.Server.Rooms;

/// <summary>
/// <c>GET /api/rooms/{name}</c> → <c>{apiKey, sessionId, token}</c>: the room's session (made on first use, with
/// <see cref="RoomsOptions.MaxConnections"/>) in the <see cref="DefaultProject"/>, and a fresh publisher token each call.
/// </summary>
public static class RoomsApi
{
    public static WebApplicationBuilder AddDuetRooms(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoomsOptions>().Bind(builder.Configuration.GetSection(RoomsOptions.Section))
            .Validate(o => o.MaxConnections >= 1, "Duet:Rooms:MaxConnections must be at least 1.").ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rooms/{name}", GetRoomAsync);
        return app;
    }

    private static async Task<IResult> GetRoomAsync(
        string name, IOptions<RoomsOptions> options, IRoomStore rooms, IProjectStore projects, DefaultProject defaultProject,
        TimeProvider time, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!options.Value.Enabled)
        {
            return OpenTokErrors.NotFound("Rooms are disabled on this server.");
        }

        if (!RoomName.IsValid(name))
        {
            return OpenTokErrors.BadRequest($"A room name is 1 to {RoomName.MaxLength} letters, digits, '-' or '_'.");
        }

        var project = await projects.FindAsync(defaultProject.ApiKey, http.RequestAborted)
            ?? throw new InvalidOperationException($"The default project {defaultProject.ApiKey} is missing.");
        var now = time.GetUtcNow();
        var session = await rooms.GetOrCreateSessionAsync(RoomName.Normalize(name),
            () => SessionFactory.Create(project.ApiKey, new SessionCreateOptions { MaxConnections = options.Value.MaxConnections }, now),
            http.RequestAborted);
        // A room made while another project was the default keeps its session, so tokens come from the session's project.
        if (session.ApiKey != project.ApiKey)
        {
            project = await projects.FindAsync(session.ApiKey, http.RequestAborted)
                ?? throw new InvalidOperationException($"The project {session.ApiKey} of room '{name}' is missing.");
        }

        var token = TokenGenerator.Generate(project, session.Id, new TokenOptions { Role = Role.Publisher }, now);
        return Results.Json(new RoomCredentials(project.ApiKey, session.Id, token));
    }
}
