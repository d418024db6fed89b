namespace Duet.Server.Signaling;

/// <summary>
/// Serialises compound changes to one session (read state, change it, queue the resulting messages), so every
/// client sees a session's events in the order its state changed. Striped: sessions share a fixed set of locks,
/// so nothing grows with the number of sessions. A holder never enters a second session.
/// The gate serialises within one node; a shared state store for several nodes needs a per-session lock of its own.
/// </summary>
public sealed class SessionGate
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async ValueTask<Releaser> EnterAsync(string sessionId)
    {
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(sessionId) % Stripes)];
        await gate.WaitAsync();
        return new Releaser(gate);
    }

    public readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
