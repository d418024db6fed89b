namespace Duet.Core.Sessions;

/// <summary>A session as created through the REST API: its ID and the options it was created with.</summary>
/// <param name="MaxConnections">A Duet extension: how many connections may join at once (rooms use 2 for one-to-one);
/// null means the server's configured default.</param>
public sealed record Session(
    string Id,
    int ApiKey,
    MediaMode MediaMode,
    ArchiveMode ArchiveMode,
    string Location,
    bool E2ee,
    DateTimeOffset CreatedAt,
    int? MaxConnections = null);
