using AttributionTracker.Domain;
using AttributionTracker.Interop.Stix;

namespace AttributionTracker.Tests.Interop.Stix;

public sealed class StixMappingTests
{
    public static TheoryData<ConfidenceLevel> Levels => [.. ConfidenceLevels.All];

    [Theory]
    [MemberData(nameof(Levels))]
    public void Each_PHIA_term_goes_to_the_middle_of_its_band_and_comes_back_as_itself(ConfidenceLevel level)
    {
        var value = StixConfidence.ToStix(level);
        var (low, high) = level.ProbabilityBand();

        Assert.InRange(value, low, high);
        Assert.Equal(level, StixConfidence.FromStix(value));
    }

    [Theory]
    [InlineData(85, ConfidenceLevel.HighlyLikely)]
    [InlineData(100, ConfidenceLevel.AlmostCertain)]
    [InlineData(0, ConfidenceLevel.RemoteChance)]
    [InlineData(78, ConfidenceLevel.HighlyLikely)]
    [InlineData(77, ConfidenceLevel.Likely)]
    [InlineData(50, ConfidenceLevel.RealisticPossibility)]
    [InlineData(92, ConfidenceLevel.HighlyLikely)]
    [InlineData(93, ConfidenceLevel.AlmostCertain)]
    public void A_foreign_confidence_maps_to_the_band_holding_it_or_the_nearest(int value, ConfidenceLevel expected) =>
        Assert.Equal(expected, StixConfidence.FromStix(value));

    [Fact]
    public void Ids_are_RFC_4122_version_5_of_the_natural_key()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") — the library must give the standard bytes, not .NET's mixed-endian ones.
        Assert.Equal("886313e1-3b8a-5372-9b90-0c9aee199e5d", UUIDNext.Uuid.NewNameBased(Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org").ToString());
        Assert.Equal(StixIds.Party("ncsc"), StixIds.Party("ncsc"));
        Assert.NotEqual(StixIds.Party("ncsc"), StixIds.Party("fbi"));
        Assert.Matches("^identity--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", StixIds.State("CN"));
    }

    [Fact]
    public void Timestamps_keep_every_stored_digit_and_at_least_milliseconds()
    {
        var t = new DateTime(2021, 7, 19, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567);

        Assert.Equal("2021-07-19T10:00:00.1234567Z", StixTime.Format(t));
        Assert.Equal("2021-07-19T10:00:00.000Z", StixTime.Format(new DateTime(2021, 7, 19, 10, 0, 0)));
        Assert.True(StixTime.TryParse(StixTime.Format(t), out var back));
        Assert.Equal(t, back);
    }
}
