using Duet.Core.Sessions;

namespace Duet.Storage.Sqlite;

/// <summary>How enums are written in the database: their lower-case names, which stay readable and survive reordering.</summary>
internal static class SqliteValues
{
    public static string Format(MediaMode mode) => mode switch
    {
        MediaMode.Relayed => "relayed",
        MediaMode.Routed => "routed",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static string Format(ArchiveMode mode) => mode switch
    {
        ArchiveMode.Manual => "manual",
        ArchiveMode.Always => "always",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static MediaMode ParseMediaMode(string text) => text switch
    {
        "relayed" => MediaMode.Relayed,
        "routed" => MediaMode.Routed,
        _ => throw new InvalidDataException($"Unknown media mode '{text}' in the database."),
    };

    public static ArchiveMode ParseArchiveMode(string text) => text switch
    {
        "manual" => ArchiveMode.Manual,
        "always" => ArchiveMode.Always,
        _ => throw new InvalidDataException($"Unknown archive mode '{text}' in the database."),
    };
}
