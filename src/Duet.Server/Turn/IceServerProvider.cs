using Duet.Server.Signaling.Protocol;
using Microsoft.Extensions.Options;

namespace Duet.Server.Turn;

/// <summary>Decides which ICE servers a new connection uses: the configured static ones plus, with a TURN secret, ephemeral TURN credentials.</summary>
public sealed class IceServerProvider(IOptionsMonitor<IceOptions> ice, IOptionsMonitor<TurnOptions> turn, TimeProvider time)
{
    public IReadOnlyList<IceServer> For(string connectionId)
    {
        var servers = ice.CurrentValue.Servers
            .Where(s => s.Urls.Count > 0)
            .Select(s => new IceServer(s.Urls.ToArray(), NullIfEmpty(s.Username), NullIfEmpty(s.Credential)))
            .ToList();

        var t = turn.CurrentValue;
        if (!string.IsNullOrEmpty(t.Secret) && t.Urls.Count > 0)
        {
            var (username, credential) = TurnCredentials.Create(t.Secret, connectionId, time.GetUtcNow().AddSeconds(Math.Max(60, t.TtlSeconds)));
            servers.Add(new IceServer(t.Urls.ToArray(), username, credential));
        }

        return servers;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
