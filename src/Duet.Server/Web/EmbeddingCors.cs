namespace Duet.Server.Web;

/// <summary>
/// Lets pages on other sites embed the call (docs/app.md, <c>&lt;duet-call&gt;</c> on any website): the element is an
/// ES module, which browsers fetch with CORS, and it asks <c>/api/rooms/{name}</c> for credentials with <c>fetch</c>.
/// Only those GETs (and the SDK scripts) are opened to every origin; the REST API is not, and no credentials are sent.
/// </summary>
public static class EmbeddingCors
{
    private static readonly string[] OpenPrefixes = ["/app/", "/v2/js/", "/api/rooms/"];

    public static WebApplication UseEmbeddingCors(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && OpenPrefixes.Any(p => request.Path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
            }

            return next(context);
        });
        return app;
    }
}
