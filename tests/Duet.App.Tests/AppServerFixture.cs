using Duet.Testing;

namespace Duet.App.Tests;

/// <summary>One real Duet server for the app tests (each test uses its own room names). Tests run one at a time:
/// each drives up to three Chromium instances on a small machine.</summary>
public sealed class AppServerFixture : IAsyncLifetime
{
    private DuetServerProcess? _server;

    public DuetServerProcess Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public Uri Url(string path) => new(Server.BaseUri, path);

    public async Task InitializeAsync() => _server = await DuetServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppServerFixture>
{
    public const string Name = "app";
}
