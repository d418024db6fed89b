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
        // A body Kestrel refuses while an endpoint reads it (413 over the size limit, 400 malformed) surfaces as an
        // exception; answer it here like any other REST error instead of letting it end the request bare.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await OpenTokErrors.WriteAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is too large."
                    : "The request body cannot be read: " + e.Message);
            }
        });
        app.UseStatusCodePages(context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            return OpenTokErrors.WriteAsync(context.HttpContext, status, ReasonPhrases.GetReasonPhrase(status));
        });
        return app;
    }
}
