using System.Text.Json;

namespace Duet.Server.Signaling.Protocol;

/// <param name="ApiKey">A string per the protocol; a JSON number is accepted too, since apps pass OpenTok API keys either way.</param>
public sealed record ConnectRequest(JsonElement? ApiKey, string? SessionId, string? Token)
{
    public string? ApiKeyText => ApiKey switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };
}
