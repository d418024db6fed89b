namespace Duet.Server.Signaling;

/// <summary>
/// The in-process <see cref="ISessionLock"/>: enough for one node. Striped: sessions share a fixed set of locks,
/// so nothing grows with the number of sessions.
/// </summary>
public sealed class SessionGate : ISessionLock
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async ValueTask<IAsyncDisposable> EnterAsync(string sessionId)
    {
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(sessionId) % Stripes)];
        await gate.WaitAsync();
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
