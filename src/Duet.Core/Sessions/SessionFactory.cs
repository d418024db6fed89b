using System.Net;
using System.Net.Sockets;

namespace Duet.Core.Sessions;

/// <summary>Checks new-session options against OpenTok's rules and makes the session with a fresh ID.</summary>
public static class SessionFactory
{
    /// <summary>The first rule the options break, as a sentence for the caller; null when they are fine.</summary>
    public static string? Validate(SessionCreateOptions options)
    {
        if (options.ArchiveMode == ArchiveMode.Always && options.MediaMode != MediaMode.Routed)
        {
            return "A session with always archive mode must also have the routed media mode (p2p.preference=disabled).";
        }

        if (options.E2ee && options.ArchiveMode == ArchiveMode.Always)
        {
            return "A session with end-to-end encryption cannot have always archive mode.";
        }

        if (options.Location.Length > 0 && !IsIpAddress(options.Location))
        {
            return "The location must be an IP address.";
        }

        if (options.MaxConnections is < 1)
        {
            return "The maximum number of connections must be at least 1.";
        }

        return null;
    }

    /// <exception cref="ArgumentException">The options break a rule (see <see cref="Validate"/>).</exception>
    public static Session Create(int apiKey, SessionCreateOptions options, DateTimeOffset now)
    {
        if (Validate(options) is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        return new Session(SessionId.Create(apiKey, options.Location, now), apiKey, options.MediaMode, options.ArchiveMode,
            options.Location, options.E2ee, now, options.MaxConnections);
    }

    /// <summary>Dotted-quad IPv4 (IPAddress.TryParse alone would also take "1" or "0x7f.1") or IPv6.</summary>
    private static bool IsIpAddress(string text)
    {
        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        // Plain IPv6 text only: TryParse also takes "[::1]:80" and zone ids ("fe80::1%eth0") of any length, which name
        // no place and could make the session ID longer than SessionId.MaxLength.
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? text.Contains(':', StringComparison.Ordinal) && text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
            : text.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }
}
