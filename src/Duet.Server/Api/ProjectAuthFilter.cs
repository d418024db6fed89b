using Duet.Core.Auth;
using Duet.Core.Projects;

namespace Duet.Server.Api;

/// <summary>
/// Lets a REST call through only with a valid <c>X-OPENTOK-AUTH</c> JWT (see <see cref="ProjectAuthVerifier"/>); on a
/// route with an <c>{apiKey}</c> segment, that key must be the JWT's project. Refusals are 403 with an OpenTok error
/// body; the authenticated project is then available through <see cref="ProjectAuthExtensions.GetAuthenticatedProject"/>.
/// </summary>
public sealed class ProjectAuthFilter(IProjectStore projects, TimeProvider time, ILogger<ProjectAuthFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "X-OPENTOK-AUTH";
    public const string ApiKeyRouteValue = "apiKey";
    internal static readonly object ProjectItemKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var values = http.Request.Headers[HeaderName];
        // Two headers would let a proxy and the server disagree on which one counts.
        var header = values.Count == 1 ? values[0] : null;

        Project? project = null;
        if (ProjectAuthVerifier.TryReadIssuer(header, out var claimedKey))
        {
            project = await projects.FindAsync(claimedKey, http.RequestAborted);
        }

        var result = values.Count > 1 ? ProjectAuthResult.Malformed : ProjectAuthVerifier.Verify(header, project, time.GetUtcNow());
        if (result != ProjectAuthResult.Ok)
        {
            logger.LogInformation("REST auth refused for {Path}: {Reason} (claimed API key {ApiKey})", http.Request.Path, result, claimedKey);
            return OpenTokErrors.Forbidden(result.Describe());
        }

        if (http.Request.RouteValues.TryGetValue(ApiKeyRouteValue, out var pathKey)
            && !(ProjectCredentials.TryParseApiKey(pathKey as string, out var pathApiKey) && pathApiKey == project!.ApiKey))
        {
            logger.LogInformation("REST auth refused for {Path}: the path's API key is not the JWT's {ApiKey}", http.Request.Path, claimedKey);
            return OpenTokErrors.Forbidden("The API key in the path is not the project that signed the X-OPENTOK-AUTH header.");
        }

        http.Items[ProjectItemKey] = project;
        return await next(context);
    }
}
