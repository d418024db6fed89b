using System.Security.Cryptography.X509Certificates;
using Duet.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Duet.Server.Lan;

/// <summary>
/// <c>--lan</c>: adds an HTTPS listener on all interfaces with a self-signed certificate from the data directory,
/// prints the LAN URL and its QR code when the server starts, and answers <c>GET /api/lan</c> for the landing page.
/// </summary>
public static class LanExtensions
{
    public const string Flag = "--lan";

    /// <summary>The arguments for the command-line configuration: everything but <see cref="Flag"/>.</summary>
    public static string[] WithoutLanFlag(string[] args) =>
        args.Where(a => !string.Equals(a, Flag, StringComparison.OrdinalIgnoreCase)).ToArray();

    public static WebApplicationBuilder AddDuetLan(this WebApplicationBuilder builder)
    {
        // A bare "--lan" flag is not a key=value pair the command-line configuration understands.
        if (Environment.GetCommandLineArgs().Contains(Flag, StringComparer.OrdinalIgnoreCase))
        {
            builder.Configuration[$"{LanOptions.Section}:{nameof(LanOptions.Enabled)}"] = "true";
        }

        builder.Services.AddOptions<LanOptions>().Bind(builder.Configuration.GetSection(LanOptions.Section))
            .Validate(o => o.HttpsPort is > 0 and < 65536, "Duet:Lan:HttpsPort must be a TCP port.").ValidateOnStart();
        var options = builder.Configuration.GetSection(LanOptions.Section).Get<LanOptions>() ?? new LanOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        // Next to the database (not relative to the working directory).
        var dataDir = (builder.Configuration.GetSection(DuetOptions.Section).Get<DuetOptions>() ?? new DuetOptions())
            .DataDirUnder(builder.Environment.ContentRootPath);
        var addresses = LanAddress.Find();
        X509Certificate2 certificate;
        try
        {
            certificate = SelfSignedCertificate.LoadOrCreate(Path.Combine(dataDir, options.CertificateFile), addresses, TimeProvider.System);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A data directory that is a file or read-only: the operator's to fix, like the database's.
            throw new DuetConfigurationException($"Duet:Lan:CertificateFile '{options.CertificateFile}' cannot be kept in Duet:DataDir: {e.Message}");
        }

        var host = addresses.Count > 0 ? addresses[0].ToString() : "localhost";
        var info = new LanInfo($"https://{host}:{options.HttpsPort}/");
        builder.Services.AddSingleton(info);

        // Keep the configured URLs (http://localhost:5080 by default) and add HTTPS on every interface.
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? "http://localhost:5080";
        builder.WebHost.UseUrls([.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries), $"https://0.0.0.0:{options.HttpsPort}"]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        return builder;
    }

    public static WebApplication MapDuetLan(this WebApplication app)
    {
        var info = app.Services.GetService<LanInfo>();
        if (info is null)
        {
            app.MapGet("/api/lan", () => Results.NoContent());
            return app;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Printed, not logged: it is meant for the person at the terminal, with a QR code to scan.
            Console.WriteLine();
            Console.WriteLine($"Duet on your network: {info.Url}");
            Console.WriteLine("Open it on a phone on the same network (accept the self-signed certificate warning once):");
            Console.WriteLine(LanQrCode.ForTerminal(info.Url));
        });
        var svg = LanQrCode.Svg(info.Url);
        app.MapGet("/api/lan", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { url = info.Url, qrSvg = svg });
        });
        return app;
    }
}
