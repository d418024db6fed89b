using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Duet.Core.Sessions;

/// <summary>
/// Session IDs in OpenTok's format: <c>1_</c> + Base64 of <c>1~apiKey~location~createdMs~random~</c>,
/// with <c>+</c> written as <c>-</c> and the padding stripped.
/// </summary>
/// <remarks>
/// The .NET SDK splits the ID on <c>_</c> and expects two parts, and a <c>/</c> would break REST paths,
/// so an encoding containing either is thrown away and a new random part is drawn.
/// </remarks>
public static class SessionId
{
    public const int MaxLength = 255;
    private const string Prefix = "1_";
    private const string RandomAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Create(int apiKey, string location, DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(apiKey);
        if (location.Contains('~', StringComparison.Ordinal))
        {
            throw new ArgumentException("A location cannot contain '~'.", nameof(location));
        }

        while (true)
        {
            var random = RandomNumberGenerator.GetString(RandomAlphabet, 24);
            var payload = string.Join('~', "1", apiKey.ToString(CultureInfo.InvariantCulture), location,
                createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), random, "");
            var encoded = Convert.ToBase64String(Encoding.ASCII.GetBytes(payload)).TrimEnd('=').Replace('+', '-');
            if (!encoded.Contains('/', StringComparison.Ordinal))
            {
                return Prefix + encoded;
            }
        }
    }

    /// <summary>Decodes an ID the way both official SDKs do; false for anything they could not read.</summary>
    public static bool TryDecode(string? sessionId, out SessionIdParts parts)
    {
        parts = default;
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > MaxLength || sessionId.Length < 3)
        {
            return false;
        }

        var underscore = sessionId.IndexOf('_', StringComparison.Ordinal);
        if (underscore != 1 || !char.IsAsciiDigit(sessionId[0]) || sessionId.IndexOf('_', underscore + 1) >= 0)
        {
            return false;
        }

        var body = sessionId[2..].Replace('-', '+');
        body += new string('=', (4 - body.Length % 4) % 4);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var fields = text.Split('~');
        if (fields.Length < 4 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var apiKey) || apiKey <= 0)
        {
            return false;
        }

        DateTimeOffset? created = long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms is > 0 and < 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        parts = new SessionIdParts(apiKey, fields[2], created);
        return true;
    }
}

/// <summary>What a session ID carries: the project's API key, the location hint and (new-style IDs) the creation time.</summary>
public readonly record struct SessionIdParts(int ApiKey, string Location, DateTimeOffset? CreatedAt);
