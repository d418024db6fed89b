namespace Duet.Core.Sessions;

/// <summary>What a new session is created with; the defaults are OpenTok's (relayed, manual archiving, no location).</summary>
public sealed record SessionCreateOptions
{
    public MediaMode MediaMode { get; init; } = MediaMode.Relayed;

    public ArchiveMode ArchiveMode { get; init; } = ArchiveMode.Manual;

    /// <summary>An IP address hint ("" for none), as OpenTok's <c>location</c>.</summary>
    public string Location { get; init; } = "";

    public bool E2ee { get; init; }

    /// <summary>See <see cref="Session.MaxConnections"/>.</summary>
    public int? MaxConnections { get; init; }
}
