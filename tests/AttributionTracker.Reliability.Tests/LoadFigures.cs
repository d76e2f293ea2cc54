using System.Globalization;

namespace AttributionTracker.Reliability.Tests;

/// <summary>Requests per second and latency percentiles of a load run, as one line for the test output and the docs.</summary>
public sealed record LoadFigures(int Requests, TimeSpan Duration, double P50Ms, double P99Ms, double MaxMs)
{
    public static LoadFigures From(IReadOnlyCollection<double> latenciesMs, TimeSpan duration)
    {
        var sorted = latenciesMs.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new LoadFigures(sorted.Length, duration, At(0.50), At(0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests} requests in {Duration.TotalSeconds:0.0} s: {RequestsPerSecond:0.0} requests/s, p50 {P50Ms:0} ms, p99 {P99Ms:0} ms, max {MaxMs:0} ms");
}
