namespace Duet.Core.Tokens;

/// <summary>RFC 4648 §5 Base64 without padding, as JWTs use it.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <exception cref="FormatException">The text is not Base64url.</exception>
    public static byte[] Decode(string text)
    {
        if (text.Contains('+', StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal) || text.Contains('=', StringComparison.Ordinal))
        {
            throw new FormatException("Not Base64url.");
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
