namespace Duet.Core.Sessions;

/// <summary>Relayed = peer-to-peer media (OpenTok's <c>p2p.preference=enabled</c>); routed = through a media server.</summary>
/// <remarks>Duet always sends media peer to peer; the mode is stored so REST answers and archives stay truthful.</remarks>
public enum MediaMode
{
    Relayed,
    Routed,
}
