using System.Text.Json.Serialization;

namespace Duet.Server.Signaling.Protocol;

/// <summary>The reply to every client→server invocation: a value, or an OT error code. Refusals are never exceptions.</summary>
public sealed record HubResult(
    bool Ok,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HubError? Error)
{
    public static readonly HubResult Done = new(true, null, null);

    public static HubResult Success(object value) => new(true, value, null);

    public static HubResult Fail(int code, string message) => new(false, null, new HubError(code, message));
}
