using AttributionTracker.Domain;

namespace AttributionTracker.Tests.Domain;

public sealed class ConfidenceTests
{
    [Fact]
    public void The_yardstick_runs_from_remote_chance_to_almost_certain()
    {
        Assert.Equal(7, ConfidenceLevels.All.Count);
        Assert.True(ConfidenceLevel.AlmostCertain > ConfidenceLevel.HighlyLikely);
        Assert.True(ConfidenceLevel.RemoteChance < ConfidenceLevel.HighlyUnlikely);
        Assert.Equal((80, 90), ConfidenceLevel.HighlyLikely.ProbabilityBand());
    }

    [Theory]
    [InlineData("highly-likely", ConfidenceLevel.HighlyLikely)]
    [InlineData("almost certain", ConfidenceLevel.AlmostCertain)]
    [InlineData("Realistic-Possibility", ConfidenceLevel.RealisticPossibility)]
    public void Terms_read_back_to_their_level(string term, ConfidenceLevel level)
    {
        Assert.True(ConfidenceLevels.TryParseTerm(term, out var parsed));
        Assert.Equal(level, parsed);
        Assert.True(ConfidenceLevels.TryParseTerm(parsed.ToTerm(), out var roundTripped));
        Assert.Equal(level, roundTripped);
    }

    [Fact]
    public void Unknown_terms_are_refused() => Assert.False(ConfidenceLevels.TryParseTerm("probably", out _));
}
