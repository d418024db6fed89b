using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Duet.Server.Turn;

/// <summary>
/// The TURN REST API credential scheme coturn accepts with <c>use-auth-secret</c>: the username is
/// <c>&lt;expiry unix seconds&gt;:&lt;connection id&gt;</c> and the password is Base64(HMAC-SHA1(secret, username)).
/// </summary>
public static class TurnCredentials
{
    public static (string Username, string Credential) Create(string secret, string connectionId, DateTimeOffset expiresAt)
    {
        var username = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ":" + connectionId;
        return (username, Sign(secret, username));
    }

    // HMAC-SHA1 is what coturn (and the TURN REST API draft) expects; HMAC keeps SHA-1 safe for this use.
#pragma warning disable CA5350
    public static string Sign(string secret, string username) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
#pragma warning restore CA5350
}
