using AttributionTracker.Domain;
using AttributionTracker.Import.Dates;
using AttributionTracker.Import.Incidents;
using AttributionTracker.Import.Mentions;
using AttributionTracker.Import.Text;

namespace AttributionTracker.Import.Statements;

/// <summary>One article as the extractor sees it: text, tokens, names found, dates found, incidents so far.</summary>
internal sealed class ArticleContext
{
    public required string Text { get; init; }

    public required IReadOnlyList<Token> Tokens { get; init; }

    public required IReadOnlyList<Mention> Mentions { get; init; }

    public required IReadOnlyList<DateMention> Dates { get; init; }

    public required StatementLexicon Lexicon { get; init; }

    public required ImportLexicon Names { get; init; }

    /// <summary>The lexicon's actors followed by those this article introduces ("a group it calls TeleBots").</summary>
    public required IReadOnlyList<LexActor> Actors { get; init; }

    public PartialDate? Published { get; init; }

    public IncidentTracker Incidents { get; } = new();

    /// <summary>The mentions that can speak: curated parties, composed officials, states by name or seat of government.</summary>
    public List<(Mention Mention, PartyRef Party)> PartyMentions { get; private set; } = [];

    public void IndexParties() =>
        PartyMentions = [.. Mentions.Select(m => (m, PartyOf(m))).Where(p => p.Item2 is not null).Select(p => (p.m, p.Item2!.Value))];

    private PartyRef? PartyOf(Mention m) => m.Kind switch
    {
        EntityKind.Party => new PartyRef(PartyRefKind.Party, m.Index, Names.Parties[m.Index].State),
        // "Iranian officials", "el Gobierno británico", "China's foreign ministry": the state's government itself.
        EntityKind.Title when m.State is not null && Names.Titles[m.Index].PartyKind == "government" => new PartyRef(PartyRefKind.Government, 0, m.State),
        EntityKind.Title when m.State is not null => new PartyRef(PartyRefKind.Official, m.Index, m.State),
        EntityKind.State when m.Form != NameForm.Demonym => new PartyRef(PartyRefKind.Government, 0, Names.States[m.Index].Code),
        _ => null,
    };
}
