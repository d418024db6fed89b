using Duet.Core.Sessions;

namespace Duet.Core.Storage;

/// <summary>Where created sessions live; they survive restarts and are never deleted (as in OpenTok).</summary>
public interface ISessionStore
{
    Task<Session?> FindAsync(string sessionId, CancellationToken cancellationToken = default);

    Task AddAsync(Session session, CancellationToken cancellationToken = default);
}
