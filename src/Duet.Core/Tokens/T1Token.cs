using System.Security.Cryptography;
using System.Text;

namespace Duet.Core.Tokens;

/// <summary>
/// The legacy token: <c>T1==</c> + Base64 of <c>partner_id=KEY&amp;sig=HEX:DATA</c>, where HEX is the
/// HMAC-SHA1 of the exact DATA bytes. DATA is verified as received and never re-serialised,
/// because each SDK orders and escapes its fields differently.
/// </summary>
public static class T1Token
{
    public const string Prefix = "T1==";

    public static string Create(int apiKey, string secret, string signedData)
    {
        var sig = Convert.ToHexStringLower(Sign(secret, signedData));
        return Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes($"partner_id={apiKey}&sig={sig}:{signedData}"));
    }

    public static bool TryParse(string token, out ParsedT1 parsed, out TokenRefusal refusal)
    {
        parsed = default;
        string text;
        try
        {
            var body = token[Prefix.Length..];
            body += new string('=', (4 - body.Length % 4) % 4);
            text = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(body));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            refusal = TokenRefusal.MalformedBase64;
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !FormFields.TryParse(text[..colon], out var head)
            || !head.TryGetValue("partner_id", out var partnerId) || !head.TryGetValue("sig", out var sig)
            || !FormFields.TryParse(text[(colon + 1)..], out var fields))
        {
            refusal = TokenRefusal.MalformedT1;
            return false;
        }

        parsed = new ParsedT1(partnerId, sig, text[(colon + 1)..], fields);
        refusal = TokenRefusal.None;
        return true;
    }

    public static bool HasValidSignature(ParsedT1 token, string secret)
    {
        if (token.Signature.Length != 40 || !token.Signature.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Sign(secret, token.SignedData), Convert.FromHexString(token.Signature));
    }

    // HMAC-SHA1 is what the T1 wire format specifies; the official SDKs sign with nothing else.
#pragma warning disable CA5350
    private static byte[] Sign(string secret, string data) =>
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data));
#pragma warning restore CA5350
}

public readonly record struct ParsedT1(string PartnerId, string Signature, string SignedData, IReadOnlyDictionary<string, string> Fields);
