using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Duet.Core.Sessions;

namespace Duet.Server.Api;

/// <summary>
/// The answer to <c>POST /session/create</c>: a JSON array when the caller accepts JSON (node reads
/// <c>json[0].session_id</c>), otherwise the XML document the .NET SDK reads (<c>session_id</c>, <c>partner_id</c>).
/// </summary>
internal sealed class SessionCreatedResponse(Session session) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var key = session.ApiKey.ToString(CultureInfo.InvariantCulture);
        var created = CreateDt(session.CreatedAt);
        if (WantsJson(httpContext.Request))
        {
            response.ContentType = "application/json";
            var body = new[]
            {
                new Dictionary<string, object?>
                {
                    ["session_id"] = session.Id,
                    ["project_id"] = key,
                    ["partner_id"] = key,
                    ["create_dt"] = created,
                    ["media_server_url"] = "",
                    ["media_mode"] = session.MediaMode == MediaMode.Routed ? "routed" : "relayed",
                    ["archive_mode"] = session.ArchiveMode == ArchiveMode.Always ? "always" : "manual",
                },
            };
            return response.WriteAsync(JsonSerializer.Serialize(body));
        }

        response.ContentType = "application/xml";
        var xml = new XDocument(
            new XDeclaration("1.0", "UTF-8", "yes"),
            new XElement("sessions",
                new XElement("Session",
                    new XElement("session_id", session.Id),
                    new XElement("partner_id", key),
                    new XElement("create_dt", created))));
        return response.WriteAsync(xml.Declaration + xml.ToString(SaveOptions.DisableFormatting));
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>OpenTok writes a Java <c>Date.toString()</c>, e.g. "Mon Mar 17 00:41:31 PDT 2014"; Duet writes UTC.</summary>
    private static string CreateDt(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
}
