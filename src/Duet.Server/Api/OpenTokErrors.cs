using System.Text.Json;

namespace Duet.Server.Api;

/// <summary>
/// The one place REST errors are written, in the shape OpenTok's server SDKs read: a JSON body
/// <c>{"code": status, "message": "…"}</c> (node takes <c>message</c> for its error text) with the matching status.
/// </summary>
public static class OpenTokErrors
{
    public static IResult Result(int status, string message) => new ErrorResult(status, message);

    public static IResult BadRequest(string message) => Result(StatusCodes.Status400BadRequest, message);

    public static IResult Forbidden(string message) => Result(StatusCodes.Status403Forbidden, message);

    public static IResult NotFound(string message) => Result(StatusCodes.Status404NotFound, message);

    public static Task WriteAsync(HttpContext context, int status, string message) =>
        new ErrorResult(status, message).ExecuteAsync(context);

    private sealed class ErrorResult(int status, string message) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json";
            return httpContext.Response.WriteAsync(JsonSerializer.Serialize(new ErrorBody(status, message), ErrorJson.Options));
        }
    }

    private sealed record ErrorBody(int Code, string Message);

    private static class ErrorJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    }
}
