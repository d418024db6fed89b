using Duet.Core.Sessions;

namespace Duet.Core.Storage;

/// <summary>Maps the app's room names to sessions: one session per name, created on first use and kept.</summary>
public interface IRoomStore
{
    /// <summary>
    /// The session of the room, or — atomically, even across concurrent callers and processes — the session made by
    /// <paramref name="newSession"/>, stored together with the room.
    /// </summary>
    Task<Session> GetOrCreateSessionAsync(string roomName, Func<Session> newSession, CancellationToken cancellationToken = default);
}
