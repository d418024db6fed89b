namespace Duet.Server.Signaling;

/// <summary>
/// Serialises compound changes to one session (read state, change it, queue the resulting messages), so every
/// client sees a session's events in the order its state changed. One node needs only an in-process lock
/// (<see cref="SessionGate"/>); nodes sharing state need one that holds across them (Redis). A holder never enters a
/// second session, and never the same one twice.
/// </summary>
public interface ISessionLock
{
    /// <summary>Waits until the caller alone may change the session; disposing the result lets the next one in.</summary>
    ValueTask<IAsyncDisposable> EnterAsync(string sessionId);
}
