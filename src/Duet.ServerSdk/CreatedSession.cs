using Duet.Core.Sessions;

namespace Duet.ServerSdk;

/// <summary>A session the server created, with the options it was created with.</summary>
public sealed record CreatedSession(string Id, int ApiKey, MediaMode MediaMode, ArchiveMode ArchiveMode, string Location);
