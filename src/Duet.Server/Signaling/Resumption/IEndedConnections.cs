namespace Duet.Server.Signaling.Resumption;

/// <summary>
/// Connections that ended (left, were force-disconnected, or ran out of grace): their resume secrets must stop
/// working, also after a restart, so the list is durable. Entries are kept until their secret would have expired anyway.
/// </summary>
public interface IEndedConnections
{
    ValueTask AddAsync(string connectionId, DateTimeOffset secretExpiresAt);

    ValueTask<bool> ContainsAsync(string connectionId);
}
