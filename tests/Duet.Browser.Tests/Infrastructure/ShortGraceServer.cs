namespace Duet.Browser.Tests.Infrastructure;

/// <summary>A server whose reconnect grace period is 3 s, so "the page closed" is decided quickly.</summary>
public sealed class ShortGraceServer() : CallServer(new Dictionary<string, string> { ["Duet:Signaling:ReconnectGraceSeconds"] = "3" })
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);
}
