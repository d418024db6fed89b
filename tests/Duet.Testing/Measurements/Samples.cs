using System.Globalization;

namespace Duet.Testing.Measurements;

/// <summary>Measurements in milliseconds that a benchmark collects (from any thread) and summarises as percentiles.</summary>
public sealed class Samples
{
    private readonly Lock _lock = new();
    private readonly List<double> _values = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _values.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _values.Add(milliseconds);
        }
    }

    /// <summary>"p50 … ms, p95 … ms, p99 … ms, min … ms, max … ms (n = …)".</summary>
    public string Summary(string format = "F1")
    {
        var sorted = Sorted();
        if (sorted.Length == 0)
        {
            return "no samples";
        }

        string Ms(double v) => v.ToString(format, CultureInfo.InvariantCulture) + " ms";
        return $"p50 {Ms(Percentile(sorted, 0.50))}, p95 {Ms(Percentile(sorted, 0.95))}, p99 {Ms(Percentile(sorted, 0.99))}, min {Ms(sorted[0])}, max {Ms(sorted[^1])} (n = {sorted.Length})";
    }

    /// <summary>The value below which a fraction <paramref name="p"/> of the samples fall, interpolated between ranks.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }

    private double[] Sorted()
    {
        lock (_lock)
        {
            var sorted = _values.ToArray();
            Array.Sort(sorted);
            return sorted;
        }
    }
}
