using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Duet.Server.Webhooks;

/// <summary>
/// The <c>X-Duet-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;." + body)&gt;</c>.
/// The timestamp is signed too, so a receiver can refuse old replays.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Duet-Signature";

    public static string Create(string secret, long unixSeconds, string body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
