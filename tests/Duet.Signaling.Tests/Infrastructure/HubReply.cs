using System.Text.Json;

namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>A HubResult as it arrived on the wire: <c>{ok, value?, error?: {code, message}}</c>.</summary>
public sealed record HubReply(bool Ok, JsonElement Value, int? ErrorCode, string? ErrorMessage)
{
    public static HubReply Parse(JsonElement json)
    {
        var ok = json.GetProperty("ok").GetBoolean();
        var value = json.TryGetProperty("value", out var v) ? v.Clone() : default;
        int? code = null;
        string? message = null;
        if (json.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            code = error.GetProperty("code").GetInt32();
            message = error.GetProperty("message").GetString();
        }

        return new HubReply(ok, value, code, message);
    }

    /// <summary>Asserts success and returns the value.</summary>
    public JsonElement Expect()
    {
        Assert.True(Ok, $"expected success, got {ErrorCode}: {ErrorMessage}");
        return Value;
    }

    public void ExpectError(int code) =>
        Assert.True(!Ok && ErrorCode == code, Ok ? $"expected error {code}, got success" : $"expected error {code}, got {ErrorCode}: {ErrorMessage}");

    public override string ToString() => Ok ? $"ok {Value}" : $"error {ErrorCode}: {ErrorMessage}";
}
