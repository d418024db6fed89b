using Microsoft.AspNetCore.WebUtilities;

namespace Duet.Server.Api;

/// <summary>
/// Errors that ASP.NET Core answers on its own (405 wrong method, 404 no route, Kestrel's 413…) come with an
/// empty body; give them the same <c>{code, message}</c> body as every other REST error, so SDK callers always
/// get a message to show.
/// </summary>
public static class EmptyErrorBodies
{
    public static WebApplication UseOpenTokErrorBodies(this WebApplication app)
    {
        app.UseStatusCodePages(context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            return OpenTokErrors.WriteAsync(context.HttpContext, status, ReasonPhrases.GetReasonPhrase(status));
        });
        return app;
    }
}
