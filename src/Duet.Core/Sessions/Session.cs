namespace Duet.Core.Sessions;

/// <summary>A session as created through the REST API: its ID and the options it was created with.</summary>
public sealed record Session(
    string Id,
    int ApiKey,
    MediaMode MediaMode,
    ArchiveMode ArchiveMode,
    string Location,
    bool E2ee,
    DateTimeOffset CreatedAt);
