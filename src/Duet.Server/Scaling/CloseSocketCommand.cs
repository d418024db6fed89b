using System.Globalization;

namespace Duet.Server.Scaling;

/// <summary>"Close socket X after D ms", as published to every node: <c>{delayMs}:{socketId}</c>.</summary>
internal static class CloseSocketCommand
{
    public static string Write(string socketId, TimeSpan delay) =>
        ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + ":" + socketId;

    public static bool TryRead(string? text, out string socketId, out TimeSpan delay)
    {
        socketId = "";
        delay = TimeSpan.Zero;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !long.TryParse(text![..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        socketId = text[(colon + 1)..];
        delay = TimeSpan.FromMilliseconds(ms);
        return socketId.Length > 0;
    }
}
