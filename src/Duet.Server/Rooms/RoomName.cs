namespace Duet.Server.Rooms;

/// <summary>Room names come from URLs people type and share: 1–64 letters, digits, '-' or '_', compared case-insensitively.</summary>
public static class RoomName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>"Standup" and "standup" are one room, so a shared link works however it was typed.</summary>
    public static string Normalize(string name) => name.ToLowerInvariant();
}
