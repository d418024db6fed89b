using System.Globalization;
using System.Security.Cryptography;

namespace Duet.Core.Projects;

/// <summary>Creates and checks the shape of API keys and secrets.</summary>
public static class ProjectCredentials
{
    /// <summary>OpenTok keys are 8-digit numbers; both official SDKs need them to fit an Int32.</summary>
    public const int MinApiKey = 10_000_000;
    public const int MaxApiKey = 99_999_999;
    public const int SecretLength = 40;

    public static int NewApiKey() => RandomNumberGenerator.GetInt32(MinApiKey, MaxApiKey + 1);

    /// <summary>40 lowercase hex characters (160 random bits), the shape of an OpenTok secret.</summary>
    public static string NewApiSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretLength / 2));

    public static bool IsValidApiKey(int apiKey) => apiKey > 0;

    public static bool TryParseApiKey(string? text, out int apiKey) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out apiKey) && IsValidApiKey(apiKey);

    /// <summary>Secrets are hex so they survive every config system and shell unquoted.</summary>
    public static bool IsValidApiSecret(string? secret) =>
        secret is { Length: SecretLength } && secret.All(char.IsAsciiHexDigit);

    /// <summary>Creates a project with fresh random credentials.</summary>
    public static Project NewProject(string name, DateTimeOffset now) => new(NewApiKey(), NewApiSecret(), name, now);
}
