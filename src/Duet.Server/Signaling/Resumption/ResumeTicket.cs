using Duet.Core.Tokens;

namespace Duet.Server.Signaling.Resumption;

/// <summary>
/// What a resume secret proves once its signature checks out: which connection it belongs to and everything needed
/// to re-create that connection on a server that lost its in-memory state (a restart within the grace period).
/// </summary>
public sealed record ResumeTicket(
    string SessionId,
    string ConnectionId,
    Role Role,
    string Data,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
