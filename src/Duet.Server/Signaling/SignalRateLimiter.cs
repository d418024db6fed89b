using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Duet.Server.Signaling;

/// <summary>A token bucket per connection: <see cref="LimitsOptions.SignalBurst"/> at once, then <see cref="LimitsOptions.SignalsPerSecond"/>.</summary>
public sealed class SignalRateLimiter(IOptionsMonitor<LimitsOptions> limits, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool TryTake(string connectionId)
    {
        var options = limits.CurrentValue;
        var now = time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(connectionId, _ => new Bucket(options.SignalBurst, now));
        lock (bucket)
        {
            var elapsed = time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(options.SignalBurst, bucket.Tokens + elapsed * options.SignalsPerSecond);
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    public void Forget(string connectionId) => _buckets.TryRemove(connectionId, out _);

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
