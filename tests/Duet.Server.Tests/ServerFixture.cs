using Duet.Testing;

namespace Duet.Server.Tests;

/// <summary>One real server (seeded project 47000001) shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private DuetServerProcess? _server;

    public DuetServerProcess Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await DuetServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
