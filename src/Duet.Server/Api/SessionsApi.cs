using Duet.Core.Sessions;

namespace Duet.Server.Api;

/// <summary>The OpenTok REST API at the server root: session creation, and the reserved <c>/v2/project/{apiKey}</c> tree.</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/session/create", CreateSessionAsync).RequireProjectAuth().DisableAntiforgery();

        // Everything under /v2/project/{apiKey} is authenticated; routes mapped elsewhere (signal, connection, stream,
        // mute) are more specific and win, so this catch-all only answers what no part implements: an OpenTok 404.
        app.MapMethods("/v2/project/{apiKey}/{**rest}", ["GET", "POST", "PUT", "PATCH", "DELETE"],
                () => OpenTokErrors.NotFound("No such resource."))
            .RequireProjectAuth();
        return app;
    }

    private static async Task<IResult> CreateSessionAsync(HttpContext http, ISessionStore sessions, TimeProvider time, ILoggerFactory logs)
    {
        var project = http.GetAuthenticatedProject();
        IFormCollection form;
        try
        {
            form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        }
        catch (InvalidDataException e)
        {
            return OpenTokErrors.BadRequest("The form body cannot be read: " + e.Message);
        }

        if (SessionCreateForm.Parse(form, out var error) is not { } options)
        {
            return OpenTokErrors.BadRequest(error!);
        }

        var session = SessionFactory.Create(project.ApiKey, options, time.GetUtcNow());
        await sessions.AddAsync(session, http.RequestAborted);
        logs.CreateLogger(typeof(SessionsApi)).LogInformation(
            "Created session {SessionId} for project {ApiKey} ({MediaMode}, archive {ArchiveMode})", session.Id, project.ApiKey, session.MediaMode, session.ArchiveMode);
        return new SessionCreatedResponse(session);
    }
}
