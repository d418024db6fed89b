namespace Duet.Core.Tokens;

/// <summary>Parses <c>a=1&amp;b=x%20y</c> the way a form decoder does (<c>+</c> is a space); a repeated name is refused.</summary>
internal static class FormFields
{
    public static bool TryParse(string text, out Dictionary<string, string> fields)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.Length == 0)
        {
            return true;
        }

        foreach (var pair in text.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            if (name is null || value is null || !fields.TryAdd(name, value))
            {
                return false;
            }
        }

        return true;
    }

    public static string Encode(string value) => Uri.EscapeDataString(value);

    private static string? Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
