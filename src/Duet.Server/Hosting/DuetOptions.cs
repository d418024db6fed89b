namespace Duet.Server.Hosting;

/// <summary>The <c>Duet</c> configuration section. Each part reads only its own sub-section.</summary>
public sealed class DuetOptions
{
    public const string Section = "Duet";

    /// <summary>Where the SQLite file (and, with --lan, the self-signed certificate) live. Created on first run.</summary>
    public string DataDir { get; set; } = "./data";
}
