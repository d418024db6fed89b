using System.Text.RegularExpressions;

namespace Duet.Server.Turn;

/// <summary>
/// The shape of a STUN/TURN URL (RFC 7064/7065) as browsers accept it in <c>RTCIceServer.urls</c>. Checked at start-up:
/// a browser refuses the whole RTCPeerConnection for one bad URL, so a typo would otherwise fail every call.
/// </summary>
public static partial class IceUrl
{
    public static bool IsStunOrTurn(string url) => Shape().IsMatch(url);

    public static bool IsTurn(string url) => IsStunOrTurn(url) && url.StartsWith("turn", StringComparison.Ordinal);

    // scheme ":" host (name, IPv4 or [IPv6]) [":" port]; TURN alone may add "?transport=udp|tcp".
    [GeneratedRegex(@"^(?:stuns?:(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?|turns?:(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:\?transport=(?:udp|tcp))?)$")]
    private static partial Regex Shape();
}
