namespace Duet.Server.Signaling.Protocol;

/// <summary>What Connect and Resume return: who you are, what you may do, and the session as it is now.</summary>
public sealed record SessionSnapshot(
    SessionConnectionInfo Connection,
    string Role,
    Capabilities Capabilities,
    string ResumeSecret,
    IReadOnlyList<IceServer> IceServers,
    IReadOnlyList<SessionConnectionInfo> Connections,
    IReadOnlyList<StreamInfo> Streams,
    SessionSettings Settings,
    bool Restored);
