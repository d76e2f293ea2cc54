using AttributionTracker.Domain;

namespace AttributionTracker.Tests.Domain;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Hafnio", "HAFNIO")]
    [InlineData("Pekín", "pekin")]
    [InlineData("EE. UU.", "ee uu")]
    [InlineData("Ministerio  de\tSeguridad", "ministerio de seguridad")]
    public void Names_that_differ_only_in_case_accents_and_punctuation_share_a_key(string a, string b) =>
        Assert.Equal(TextFolding.Key(a), TextFolding.Key(b));

    [Fact]
    public void Different_names_keep_different_keys() =>
        Assert.NotEqual(TextFolding.Key("APT28"), TextFolding.Key("APT29"));
}
