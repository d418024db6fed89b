namespace Duet.ServerSdk;

/// <summary>A published stream as the REST API reports it (<c>GET …/stream[/{id}]</c>).</summary>
/// <param name="VideoType">"camera", "screen" or "custom".</param>
public sealed record StreamInfo(string Id, string? VideoType, string? Name, IReadOnlyList<string> LayoutClassList);
