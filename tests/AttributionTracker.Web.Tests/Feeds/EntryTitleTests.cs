using AttributionTracker.Domain;
using AttributionTracker.Web.Feeds;

namespace AttributionTracker.Web.Tests.Feeds;

public sealed class EntryTitleTests
{
    private static readonly FeedParty Ncsc = new(Slug.Parse("ncsc"), "NCSC", CountryCode.Parse("GB"));

    private static FeedEntry Statement(StatementKind kind, string? actor = "APT31", string? state = null, ConfidenceLevel? level = ConfidenceLevel.HighlyLikely, DateTime? retracted = null, params FeedParty[] parties) =>
        new(1, kind, parties.Length > 0 ? parties : [Ncsc], "the Electoral Commission breach", actor, state, level, null, null, null, null, null, DateTime.UnixEpoch, DateTime.UnixEpoch, retracted, null);

    [Fact]
    public void An_attribution_names_who_accused_whom_of_what_and_how_sure() =>
        Assert.Equal("NCSC (GB) accused APT31 of the Electoral Commission breach — highly likely", EntryTitle.For(Statement(StatementKind.Attribution)));

    [Fact]
    public void An_attribution_of_an_actor_and_a_state_names_both() =>
        Assert.Equal("NCSC (GB) accused APT31 and China of the Electoral Commission breach", EntryTitle.For(Statement(StatementKind.Attribution, state: "China", level: null)));

    [Fact]
    public void A_denial_reads_as_a_denial_without_a_confidence()
    {
        var mfa = new FeedParty(Slug.Parse("mfa"), "Ministry of Foreign Affairs", CountryCode.Parse("CN"));

        Assert.Equal("Ministry of Foreign Affairs (CN) denied the accusation over the Electoral Commission breach", EntryTitle.For(Statement(StatementKind.Denial, actor: null, parties: mfa)));
    }

    [Fact]
    public void A_denial_naming_the_accused_says_what_was_denied()
    {
        var mfa = new FeedParty(Slug.Parse("mfa"), "Ministry of Foreign Affairs", CountryCode.Parse("CN"));

        Assert.Equal("Ministry of Foreign Affairs (CN) denied that China was behind the Electoral Commission breach", EntryTitle.For(Statement(StatementKind.Denial, actor: null, state: "China", parties: mfa)));
    }

    [Fact]
    public void A_joint_statement_counts_its_co_signers()
    {
        var us = new FeedParty(Slug.Parse("us"), "United States", CountryCode.Parse("US"));
        var eu = new FeedParty(Slug.Parse("eu"), "European Union", null);

        Assert.StartsWith("NCSC (GB) and 2 others accused APT31", EntryTitle.For(Statement(StatementKind.Attribution, parties: [Ncsc, us, eu])));
    }

    [Fact]
    public void A_statement_the_editors_withdrew_stays_in_the_feed_marked() =>
        Assert.StartsWith("[Withdrawn by the editors] NCSC (GB) accused APT31", EntryTitle.For(Statement(StatementKind.Attribution, retracted: DateTime.UnixEpoch)));
}
