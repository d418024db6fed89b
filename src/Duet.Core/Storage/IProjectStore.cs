using Duet.Core.Projects;

namespace Duet.Core.Storage;

/// <summary>Where projects (API key + secret) live. The embedded default is SQLite.</summary>
public interface IProjectStore
{
    Task<Project?> FindAsync(int apiKey, CancellationToken cancellationToken = default);

    /// <summary>All projects, oldest first.</summary>
    Task<IReadOnlyList<Project>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the project; false if its API key is taken.</summary>
    Task<bool> AddAsync(Project project, CancellationToken cancellationToken = default);

    /// <summary>Replaces a project's secret (the configured seed project's secret was rotated); false if there is no such project.</summary>
    Task<bool> UpdateSecretAsync(int apiKey, string apiSecret, CancellationToken cancellationToken = default);
}
