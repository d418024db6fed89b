using Duet.Server.Hosting;
using Duet.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Duet.Server.Storage;

/// <summary>Registers the embedded SQLite stores and the start-up project bootstrap.</summary>
public static class StorageExtensions
{
    /// <summary>
    /// SQLite file <c>duet.db</c> under <c>Duet:DataDir</c> (relative paths are relative to the content root, normally
    /// the working directory). Stores are added with TryAdd, so a registration made before this one wins.
    /// </summary>
    public static WebApplicationBuilder AddDuetStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProjectSeedOptions>().Bind(builder.Configuration.GetSection(ProjectSeedOptions.Section));
        builder.Services.TryAddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<DuetOptions>>().Value;
            try
            {
                return SqliteDatabase.Open(options.DataDirUnder(services.GetRequiredService<IHostEnvironment>().ContentRootPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                // A path that is a file, cannot be created or holds something else than Duet's database: the operator's to fix.
                throw new DuetConfigurationException($"Duet:DataDir '{options.DataDir}' cannot hold the database: {e.Message}");
            }
        });
        builder.Services.TryAddSingleton<IProjectStore, SqliteProjectStore>();
        builder.Services.TryAddSingleton<ISessionStore, SqliteSessionStore>();
        builder.Services.TryAddSingleton<IRoomStore, SqliteRoomStore>();
        builder.Services.TryAddSingleton<DefaultProject>();
        builder.Services.TryAddSingleton<ProjectBootstrap>();
        return builder;
    }

    /// <summary>Opens the database and ensures a project exists; runs before the server listens, so a bad seed stops start-up.</summary>
    public static WebApplication UseDuetStorage(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<SqliteDatabase>();
        app.Logger.LogInformation("Storage: SQLite at {Path}", database.Path);
        app.Services.GetRequiredService<ProjectBootstrap>().RunAsync().GetAwaiter().GetResult();
        return app;
    }
}
