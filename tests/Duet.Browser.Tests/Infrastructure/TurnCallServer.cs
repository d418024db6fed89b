using Duet.Testing;

namespace Duet.Browser.Tests.Infrastructure;

/// <summary>A Duet server that hands out ephemeral credentials for a coturn the fixture starts on loopback.</summary>
public sealed class TurnCallServer : CallServer
{
    private TurnServerProcess? _turn;

    public TurnServerProcess Turn => _turn ?? throw new InvalidOperationException("coturn is not started.");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_turn is not null)
        {
            await _turn.DisposeAsync();
        }
    }

    protected override async Task<IReadOnlyDictionary<string, string>> PrepareSettingsAsync()
    {
        _turn = await TurnServerProcess.StartAsync();
        return _turn.DuetSettings();
    }
}
