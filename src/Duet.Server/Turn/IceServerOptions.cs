namespace Duet.Server.Turn;

/// <summary>One configured ICE server: its URLs and, for a TURN server with fixed credentials, the username and credential.</summary>
public sealed class IceServerOptions
{
    public List<string> Urls { get; set; } = [];

    public string? Username { get; set; }

    public string? Credential { get; set; }
}
