using Duet.Core.Projects;

namespace Duet.Server.Storage;

/// <summary>Where projects (API key + secret) live. The embedded default is SQLite.</summary>
public interface IProjectStore
{
    Task<Project?> FindAsync(int apiKey, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Project>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the project; false if its API key is taken.</summary>
    Task<bool> AddAsync(Project project, CancellationToken cancellationToken = default);
}
