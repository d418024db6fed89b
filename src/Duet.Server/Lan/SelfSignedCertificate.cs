using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Duet.Server.Lan;

/// <summary>
/// The LAN certificate: loaded from the data directory, or made (and saved) when missing, expiring within a
/// week, or not naming one of the current addresses (the machine moved to another network).
/// </summary>
public static class SelfSignedCertificate
{
    private const string SubjectName = "CN=Duet LAN (self-signed)";

    public static X509Certificate2 LoadOrCreate(string path, IReadOnlyList<IPAddress> addresses, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (File.Exists(path))
        {
            try
            {
                var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.Exportable);
                if (existing.NotAfter.ToUniversalTime() > now.UtcDateTime.AddDays(7) && Names(existing).IsSupersetOf(addresses.Select(a => a.ToString())))
                {
                    return existing;
                }

                existing.Dispose();
            }
            catch (CryptographicException)
            {
                // Unreadable: replace it below.
            }
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddDnsName(Dns.GetHostName());
        san.AddIpAddress(IPAddress.Loopback);
        foreach (var address in addresses)
        {
            san.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(365));

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var pfx = created.Export(X509ContentType.Pfx);
        File.WriteAllBytes(path, pfx);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return X509CertificateLoader.LoadPkcs12(pfx, password: null, X509KeyStorageFlags.Exportable);
    }

    private static HashSet<string> Names(X509Certificate2 certificate)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            foreach (var ip in extension.EnumerateIPAddresses())
            {
                names.Add(ip.ToString());
            }
        }

        return names;
    }
}
