using Duet.Core.Projects;
using Microsoft.Extensions.Options;

namespace Duet.Server.Storage;

/// <summary>
/// Makes sure a project exists before the first request: the configured seed project (created, or its secret updated
/// to the configured one), or — on a first run with no project at all — a new random one whose credentials are
/// printed once to the console. The secret goes to the console directly, never through the logger, so log shipping
/// never carries it.
/// </summary>
public sealed class ProjectBootstrap(
    IProjectStore projects,
    IOptions<ProjectSeedOptions> seed,
    DefaultProject defaultProject,
    TimeProvider time,
    ILogger<ProjectBootstrap> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var options = seed.Value;
        var hasKey = !string.IsNullOrWhiteSpace(options.ApiKey);
        var hasSecret = !string.IsNullOrWhiteSpace(options.ApiSecret);
        if (hasKey != hasSecret)
        {
            throw new InvalidOperationException("Set both Duet:Project:ApiKey and Duet:Project:ApiSecret, or neither.");
        }

        if (hasKey)
        {
            defaultProject.Set(await EnsureSeedAsync(options, cancellationToken));
            return;
        }

        var existing = await projects.ListAsync(cancellationToken);
        if (existing.Count > 0)
        {
            defaultProject.Set(existing[0].ApiKey);
            logger.LogInformation("Projects: {Count}; rooms use API key {ApiKey}", existing.Count, existing[0].ApiKey);
            return;
        }

        var created = await CreateFirstProjectAsync(cancellationToken);
        defaultProject.Set(created.ApiKey);
        PrintOnce(created);
    }

    private async Task<int> EnsureSeedAsync(ProjectSeedOptions options, CancellationToken cancellationToken)
    {
        if (!ProjectCredentials.TryParseApiKey(options.ApiKey?.Trim(), out var apiKey))
        {
            throw new InvalidOperationException("Duet:Project:ApiKey must be a positive whole number that fits in 32 bits.");
        }

        var secret = options.ApiSecret!.Trim();
        if (!ProjectCredentials.IsValidApiSecret(secret))
        {
            throw new InvalidOperationException($"Duet:Project:ApiSecret must be {ProjectCredentials.SecretLength} hexadecimal characters.");
        }

        var project = new Project(apiKey, secret, options.Name, time.GetUtcNow());
        if (await projects.AddAsync(project, cancellationToken))
        {
            logger.LogInformation("Created the configured project {ApiKey}", apiKey);
        }
        else if ((await projects.FindAsync(apiKey, cancellationToken))?.ApiSecret != secret)
        {
            await projects.UpdateSecretAsync(apiKey, secret, cancellationToken);
            logger.LogWarning("The configured project {ApiKey} had another secret; it now uses the configured one", apiKey);
        }

        return apiKey;
    }

    private async Task<Project> CreateFirstProjectAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var project = ProjectCredentials.NewProject("default", time.GetUtcNow());
            if (await projects.AddAsync(project, cancellationToken))
            {
                logger.LogInformation("Created the first project {ApiKey}; its credentials were printed to the console", project.ApiKey);
                return project;
            }
        }
    }

    private static void PrintOnce(Project project)
    {
        Console.Out.WriteLine($"""

            ================================================================
             Duet created your first project. Keep these credentials now:
             they are shown only this once.

               API key:    {project.ApiKey}
               API secret: {project.ApiSecret}

             Use them with an OpenTok server SDK or `duet` (apiUrl = this
             server's URL). To fix them in advance, set Duet__Project__ApiKey
             and Duet__Project__ApiSecret.
            ================================================================

            """);
        Console.Out.Flush();
    }
}
