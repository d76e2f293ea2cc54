namespace AttributionTracker.Generation;

/// <summary>
/// Draws from a fixed set of weights in O(log n): the cumulative sums are computed once, a draw is a binary search.
/// Used for Zipf-like popularity (actors, accusers) and for the vocabulary's weighted choices.
/// </summary>
public sealed class WeightedChoice
{
    private readonly double[] cumulative;

    public WeightedChoice(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0)
        {
            throw new ArgumentException("A choice needs at least one weight.", nameof(weights));
        }

        cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += Math.Max(0, weights[i]);
            cumulative[i] = sum;
        }

        if (sum <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }
    }

    public int Count => cumulative.Length;

    /// <summary>The share of all draws that index <paramref name="i"/> gets.</summary>
    public double Share(int i) => (cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])) / cumulative[^1];

    public int Next(Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, cumulative.Length - 1);
    }

    /// <summary>Rank r (0-based) weighs 1/(r+1)^s: a few ranks take most draws.</summary>
    public static WeightedChoice Zipf(int count, double exponent) =>
        new([.. Enumerable.Range(1, count).Select(r => Math.Pow(r, -exponent))]);
}

public static class Sampling
{
    /// <summary>
    /// An independent, reproducible random stream for one part of the generation (a source, the incident dates):
    /// the same seed and stream number always give the same sequence, whatever was drawn elsewhere.
    /// </summary>
    public static Random Stream(int seed, long stream)
    {
        // SplitMix64 over (seed, stream), so neighbouring streams are unrelated.
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)stream + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random(unchecked((int)(z & 0x7FFFFFFF)));
    }

    /// <summary>
    /// Splits <paramref name="total"/> into whole parts proportional to <paramref name="weights"/>, each at least
    /// <paramref name="minimum"/>, the parts summing exactly to the total (largest remainders get the leftovers).
    /// </summary>
    public static int[] Apportion(long total, IReadOnlyList<double> weights, int minimum)
    {
        var n = weights.Count;
        var parts = new int[n];
        if (n == 0)
        {
            return parts;
        }

        var rest = total - ((long)minimum * n);
        var sum = weights.Sum();
        var remainders = new (double Fraction, int Index)[n];
        long given = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = rest * weights[i] / sum;
            var whole = (long)Math.Floor(exact);
            parts[i] = minimum + (int)whole;
            given += whole;
            remainders[i] = (exact - whole, i);
        }

        Array.Sort(remainders, (a, b) => a.Fraction != b.Fraction ? b.Fraction.CompareTo(a.Fraction) : a.Index.CompareTo(b.Index));
        for (var k = 0; given < rest; k++, given++)
        {
            parts[remainders[k % n].Index]++;
        }

        return parts;
    }

    public static void Shuffle<T>(Random random, T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
