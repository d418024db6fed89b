using Duet.Core.Sessions;

namespace Duet.Server.Api;

/// <summary>Reads the form body of <c>POST /session/create</c> as both official SDKs write it.</summary>
internal static class SessionCreateForm
{
    public const int MaxArchiveNameLength = 80;

    /// <returns>The options, or null and a sentence saying which field is wrong.</returns>
    public static SessionCreateOptions? Parse(IFormCollection form, out string? error)
    {
        error = null;
        MediaMode media;
        switch (Field(form, "p2p.preference")?.ToLowerInvariant())
        {
            case null or "" or "enabled": media = MediaMode.Relayed; break;
            case "disabled": media = MediaMode.Routed; break;
            default: error = "p2p.preference must be 'enabled' (relayed) or 'disabled' (routed)."; return null;
        }

        ArchiveMode archive;
        switch (Field(form, "archiveMode")?.ToLowerInvariant())
        {
            case null or "" or "manual": archive = ArchiveMode.Manual; break;
            case "always": archive = ArchiveMode.Always; break;
            default: error = "archiveMode must be 'manual' or 'always'."; return null;
        }

        bool e2ee;
        // The .NET SDK always sends e2ee=False/True; node sends it only when set.
        switch (Field(form, "e2ee")?.ToLowerInvariant())
        {
            case null or "" or "false": e2ee = false; break;
            case "true": e2ee = true; break;
            default: error = "e2ee must be 'true' or 'false'."; return null;
        }

        if (Field(form, "archiveName") is { Length: > MaxArchiveNameLength })
        {
            error = $"archiveName must be at most {MaxArchiveNameLength} characters.";
            return null;
        }

        var options = new SessionCreateOptions { MediaMode = media, ArchiveMode = archive, E2ee = e2ee, Location = Field(form, "location")?.Trim() ?? "" };
        error = SessionFactory.Validate(options);
        return error is null ? options : null;
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) ? values.ToString() : null;
}
