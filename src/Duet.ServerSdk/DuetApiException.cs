using System.Net;

namespace Duet.ServerSdk;

/// <summary>A REST call failed: <see cref="StatusCode"/> is the HTTP status (403 auth, 404 not found, 400/413 invalid…),
/// the message is the server's <c>message</c>.</summary>
public sealed class DuetApiException : Exception
{
    public DuetApiException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    public DuetApiException()
    {
    }

    public DuetApiException(string message)
        : base(message)
    {
    }

    public DuetApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode StatusCode { get; }
}
