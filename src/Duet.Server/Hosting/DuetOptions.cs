namespace Duet.Server.Hosting;

/// <summary>The <c>Duet</c> configuration section. Each part reads only its own sub-section.</summary>
public sealed class DuetOptions
{
    public const string Section = "Duet";

    /// <summary>Where the SQLite file (and, with --lan, the self-signed certificate) live. Created on first run.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary><see cref="DataDir"/> as the database and the LAN certificate use it: a relative one is under the content root.</summary>
    public string DataDirUnder(string contentRoot) => Path.Combine(contentRoot, DataDir);
}
