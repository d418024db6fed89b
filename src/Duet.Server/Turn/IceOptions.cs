namespace Duet.Server.Turn;

/// <summary>Static STUN/TURN servers handed to every client, bound from <c>Duet:Ice</c>. Empty by default: loopback and LAN calls need none.</summary>
public sealed class IceOptions
{
    public const string Section = "Duet:Ice";

    public List<IceServerOptions> Servers { get; set; } = [];
}
