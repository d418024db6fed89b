using System.Text.Json;
using Duet.Server.Signaling;
using Duet.Server.Signaling.State;

namespace Duet.Server.Api;

/// <summary>
/// The OpenTok REST calls that act on a live session (opentok-surface.md §3.4): signal, forceDisconnect, list
/// connections and streams, force mute. Behind <c>X-OPENTOK-AUTH</c>; a session of another project is a 404.
/// </summary>
public static class LiveSessionApi
{
    public static IEndpointRouteBuilder MapLiveSessionApi(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/v2/project/{apiKey}/session/{sessionId}").RequireProjectAuth().DisableAntiforgery();
        session.MapPost("/signal", (HttpContext http, string sessionId, LiveSessionServices s) => SignalAsync(http, sessionId, null, s));
        session.MapPost("/connection/{connectionId}/signal", (HttpContext http, string sessionId, string connectionId, LiveSessionServices s) => SignalAsync(http, sessionId, connectionId, s));
        session.MapDelete("/connection/{connectionId}", ForceDisconnectAsync);
        session.MapGet("/connection", ListConnectionsAsync);
        session.MapGet("/stream", ListStreamsAsync);
        session.MapGet("/stream/{streamId}", GetStreamAsync);
        session.MapPost("/stream/{streamId}/mute", ForceMuteStreamAsync);
        session.MapPost("/mute", ForceMuteAllAsync);
        return app;
    }

    private static async Task<IResult> SignalAsync(HttpContext http, string sessionId, string? connectionId, LiveSessionServices s)
    {
        if (await FindSessionAsync(http, sessionId, s) is { } missing)
        {
            return missing;
        }

        if (await ReadObjectAsync(http) is not { } body)
        {
            return OpenTokErrors.BadRequest("The body must be a JSON object {type, data}.");
        }

        if (!TryReadString(body, "type", out var type) || !TryReadString(body, "data", out var data))
        {
            return OpenTokErrors.BadRequest("type and data must be strings.");
        }

        var (outcome, message) = await s.Coordinator.SignalFromServerAsync(sessionId, connectionId, type, data);
        return outcome == SignalOutcome.Accepted ? Results.NoContent() : OpenTokErrors.Result((int)outcome, message);
    }

    private static async Task<IResult> ForceDisconnectAsync(HttpContext http, string sessionId, string connectionId, LiveSessionServices s) =>
        await FindSessionAsync(http, sessionId, s) ?? (await s.Coordinator.ForceDisconnectFromServerAsync(sessionId, connectionId)
            ? Results.NoContent()
            : OpenTokErrors.NotFound("There is no such connection in this session."));

    private static async Task<IResult> ListConnectionsAsync(HttpContext http, string sessionId, LiveSessionServices s)
    {
        if (await FindSessionAsync(http, sessionId, s) is { } missing)
        {
            return missing;
        }

        var connections = await s.State.ListConnectionsAsync(sessionId);
        var project = http.GetAuthenticatedProject();
        return Results.Json(new
        {
            count = connections.Count,
            projectId = project.ApiKey,
            sessionId,
            items = connections.Select(c => new { connectionId = c.ConnectionId, connectionState = "Connected", createdAt = c.CreatedAt.ToUnixTimeMilliseconds() }),
        });
    }

    private static async Task<IResult> ListStreamsAsync(HttpContext http, string sessionId, LiveSessionServices s)
    {
        if (await FindSessionAsync(http, sessionId, s) is { } missing)
        {
            return missing;
        }

        var streams = await s.State.ListStreamsAsync(sessionId);
        return Results.Json(new { count = streams.Count, items = streams.Select(ToRest) });
    }

    private static async Task<IResult> GetStreamAsync(HttpContext http, string sessionId, string streamId, LiveSessionServices s)
    {
        if (await FindSessionAsync(http, sessionId, s) is { } missing)
        {
            return missing;
        }

        var stream = await s.State.FindStreamAsync(streamId);
        return stream is not null && stream.SessionId == sessionId
            ? Results.Json(ToRest(stream))
            : OpenTokErrors.NotFound("There is no such stream in this session.");
    }

    private static async Task<IResult> ForceMuteStreamAsync(HttpContext http, string sessionId, string streamId, LiveSessionServices s) =>
        await FindSessionAsync(http, sessionId, s) ?? (await s.Coordinator.ForceMuteStreamFromServerAsync(sessionId, streamId)
            ? Results.NoContent()
            : OpenTokErrors.NotFound("There is no such stream in this session."));

    private static async Task<IResult> ForceMuteAllAsync(HttpContext http, string sessionId, LiveSessionServices s)
    {
        if (await FindSessionAsync(http, sessionId, s) is { } missing)
        {
            return missing;
        }

        if (await ReadObjectAsync(http) is not { } body
            || !body.TryGetProperty("active", out var activeJson) || activeJson.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return OpenTokErrors.BadRequest("The body must be a JSON object with a boolean 'active'.");
        }

        var excluded = new List<string>();
        if (body.TryGetProperty("excludedStreamIds", out var ids) && ids.ValueKind != JsonValueKind.Null)
        {
            if (ids.ValueKind != JsonValueKind.Array || ids.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            {
                return OpenTokErrors.BadRequest("excludedStreamIds must be an array of stream IDs.");
            }

            excluded.AddRange(ids.EnumerateArray().Select(i => i.GetString()!));
        }

        await s.Coordinator.ForceMuteAllFromServerAsync(sessionId, activeJson.GetBoolean(), excluded);
        return Results.NoContent();
    }

    /// <summary>The stream as OpenTok's REST API shows it: id, videoType, name, layoutClassList.</summary>
    private static object ToRest(StreamRecord stream) =>
        new { id = stream.StreamId, videoType = stream.VideoType, name = stream.Name, layoutClassList = Array.Empty<string>() };

    /// <summary>Null when the session exists and belongs to the authenticated project, else the 404 to answer.</summary>
    private static async Task<IResult?> FindSessionAsync(HttpContext http, string sessionId, LiveSessionServices s)
    {
        var session = await s.Sessions.FindAsync(sessionId, http.RequestAborted);
        return session is not null && session.ApiKey == http.GetAuthenticatedProject().ApiKey
            ? null
            : OpenTokErrors.NotFound("There is no such session.");
    }

    private static async Task<JsonElement?> ReadObjectAsync(HttpContext http)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            return json.RootElement.ValueKind == JsonValueKind.Object ? json.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadString(JsonElement body, string name, out string? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return value is not null;
    }
}
