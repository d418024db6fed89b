namespace Duet.Server.Lan;

/// <summary>
/// <c>Duet:Lan</c> (or <c>--lan</c> on the command line): also serve HTTPS on every network interface with a
/// self-signed certificate, so a phone on the same network can join (browsers allow camera access only on HTTPS).
/// </summary>
public sealed class LanOptions
{
    public const string Section = "Duet:Lan";

    public bool Enabled { get; set; }

    /// <summary>The HTTPS port on all interfaces.</summary>
    public int HttpsPort { get; set; } = 5443;

    /// <summary>The certificate file, relative to <c>Duet:DataDir</c>; generated on first use.</summary>
    public string CertificateFile { get; set; } = "lan-certificate.pfx";
}
