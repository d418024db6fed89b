using Duet.Core.Projects;

namespace Duet.Server.Api;

public static class ProjectAuthExtensions
{
    /// <summary>Puts <see cref="ProjectAuthFilter"/> in front of the endpoint or group: e.g.
    /// <c>app.MapGroup("/v2/project/{apiKey}/session/{sessionId}").RequireProjectAuth()</c>.</summary>
    public static TBuilder RequireProjectAuth<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ProjectAuthFilter>();

    /// <summary>The project whose secret signed this request's <c>X-OPENTOK-AUTH</c>; only inside <see cref="RequireProjectAuth{TBuilder}"/>.</summary>
    public static Project GetAuthenticatedProject(this HttpContext context) =>
        context.Items.TryGetValue(ProjectAuthFilter.ProjectItemKey, out var project) && project is Project p
            ? p
            : throw new InvalidOperationException("This endpoint is not behind RequireProjectAuth().");
}
