namespace Duet.Server.Signaling;

/// <summary>
/// The other nodes, as far as the hub must know them: it records what this node holds (open sockets, running grace
/// periods) so that a surviving node can take them over if this one dies, and it closes sockets held by other nodes.
/// One node alone (<see cref="SingleNode"/>) has nobody to hand over to and no sockets elsewhere.
/// </summary>
public interface ICluster
{
    void SocketOpened(string socketId);

    void SocketClosed(string socketId);

    /// <summary>This node times the connection's reconnect grace period.</summary>
    void GraceStarted(string connectionId);

    void GraceEnded(string connectionId);

    /// <summary>Closes, after <paramref name="delay"/>, a socket that is not open on this node, on the node that holds it.</summary>
    void CloseRemoteSocket(string socketId, TimeSpan delay);
}
