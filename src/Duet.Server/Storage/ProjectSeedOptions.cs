namespace Duet.Server.Storage;

/// <summary>
/// <c>Duet:Project</c>: a project to ensure at start-up (env <c>Duet__Project__ApiKey</c>, <c>Duet__Project__ApiSecret</c>),
/// so scripts and tests can use fixed credentials. Both or neither must be set.
/// </summary>
public sealed class ProjectSeedOptions
{
    public const string Section = "Duet:Project";

    /// <summary>A positive Int32 (OpenTok keys are 8 digits).</summary>
    public string? ApiKey { get; set; }

    /// <summary>40 hex characters.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>A label shown by <c>duet project list</c>.</summary>
    public string Name { get; set; } = "default";
}
