using System.Globalization;
using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.Core.Tokens;

namespace Duet.Cli.CommandLine;

/// <summary>Turns option text into values, or a usage error that says what was expected.</summary>
public static class ValueParsers
{
    public static int ApiKey(string text) =>
        ProjectCredentials.TryParseApiKey(text, out var key) ? key : throw CliException.Usage($"--api-key '{text}' is not a positive 32-bit number.");

    public static Role Role(string text) =>
        Roles.TryParse(text.ToLowerInvariant(), out var role)
            ? role
            : throw CliException.Usage($"--role '{text}' is not publisher, subscriber, moderator or publisheronly.");

    public static TokenFormat Format(string text) => text.ToLowerInvariant() switch
    {
        "jwt" => TokenFormat.Jwt,
        "t1" => TokenFormat.T1,
        _ => throw CliException.Usage($"--format '{text}' is not jwt or t1."),
    };

    public static MediaMode MediaMode(string text) => text.ToLowerInvariant() switch
    {
        "relayed" => Core.Sessions.MediaMode.Relayed,
        "routed" => Core.Sessions.MediaMode.Routed,
        _ => throw CliException.Usage($"--media-mode '{text}' is not relayed or routed."),
    };

    public static ArchiveMode ArchiveMode(string text) => text.ToLowerInvariant() switch
    {
        "manual" => Core.Sessions.ArchiveMode.Manual,
        "always" => Core.Sessions.ArchiveMode.Always,
        _ => throw CliException.Usage($"--archive-mode '{text}' is not manual or always."),
    };

    public static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw CliException.Usage($"--{name} '{text}' is not a positive whole number.");

    /// <summary>A duration from now (<c>90s</c>, <c>30m</c>, <c>2h</c>, <c>7d</c>), Unix seconds, or an ISO 8601 time.</summary>
    public static DateTimeOffset Expires(string text, DateTimeOffset now)
    {
        if (text.Length >= 2 && char.IsAsciiLetter(text[^1])
            && double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            TimeSpan? span = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (span is { } s)
            {
                return now + s;
            }
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw CliException.Usage($"--expires '{text}' is not a duration (30m, 2h, 7d), Unix seconds or an ISO 8601 time.");
    }
}
