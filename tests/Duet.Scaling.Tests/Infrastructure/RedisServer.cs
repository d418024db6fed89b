using Duet.Testing.Processes;
using StackExchange.Redis;

namespace Duet.Scaling.Tests.Infrastructure;

/// <summary>A throwaway redis-server and two independent connections to it (two nodes' worth).</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private RedisProcess? _process;

    public ConnectionMultiplexer First { get; private set; } = null!;

    public ConnectionMultiplexer Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _process = await RedisProcess.StartAsync();
        First = await ConnectionMultiplexer.ConnectAsync(_process.ConnectionString);
        Second = await ConnectionMultiplexer.ConnectAsync(_process.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
