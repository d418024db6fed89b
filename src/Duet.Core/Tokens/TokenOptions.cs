namespace Duet.Core.Tokens;

/// <summary>What to put in a new token; unset values take OpenTok's defaults (publisher, 24 hours, no data).</summary>
public sealed record TokenOptions
{
    public Role Role { get; init; } = Role.Publisher;

    public DateTimeOffset? ExpireTime { get; init; }

    public string? Data { get; init; }

    public IReadOnlyList<string>? InitialLayoutClassList { get; init; }
}
