namespace Duet.Server.Signaling;

/// <summary>
/// The embedded default: one process and nothing else. There is no node to hand sockets or grace periods over to and
/// no socket that lives elsewhere (a socket not open here is gone), so there is nothing to record or to close.
/// </summary>
public sealed class SingleNode : ICluster
{
    public void SocketOpened(string socketId)
    {
    }

    public void SocketClosed(string socketId)
    {
    }

    public void GraceStarted(string connectionId)
    {
    }

    public void GraceEnded(string connectionId)
    {
    }

    public void CloseRemoteSocket(string socketId, TimeSpan delay)
    {
    }
}
