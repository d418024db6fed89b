namespace Duet.Server.Web;

/// <summary>
/// Serves the one-to-one app's page for <c>/room/{name}</c> (the app reads the room name from the path), so a
/// shared call link opens straight into the call. The landing page is <c>/</c> via the static files.
/// </summary>
public static class AppPageExtensions
{
    private const string AppPage = "index.html";

    public static IEndpointRouteBuilder MapDuetApp(this IEndpointRouteBuilder app)
    {
        app.MapGet("/room/{name}", (string name, IWebHostEnvironment environment, HttpContext http) =>
        {
            var page = environment.WebRootFileProvider.GetFileInfo(AppPage);
            if (!page.Exists || page.PhysicalPath is null)
            {
                return Results.Problem("The web app is not built: run `npm run build` in web/ (dotnet build does it).", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            // The page is the same for every room; the room's credentials are fetched fresh by the page itself.
            http.Response.Headers.CacheControl = "no-cache";
            return Results.File(page.PhysicalPath, "text/html; charset=utf-8");
        });
        return app;
    }
}
