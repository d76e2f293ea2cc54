using System.Text.Json;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Domain;
using AttributionTracker.Import.Lexicon;
using AttributionTracker.Interop.Misp;

namespace AttributionTracker.Import.Mentions;

/// <summary>
/// Everything the extractor knows by name — actors, states, parties, offices — built once from the embedded data
/// files into one <see cref="Gazetteer"/>.
/// </summary>
public sealed class ImportLexicon
{
    private static readonly Lazy<ImportLexicon> Embedded = new(LoadEmbedded);

    private ImportLexicon()
    {
    }

    public static ImportLexicon Default => Embedded.Value;

    public IReadOnlyList<LexActor> Actors { get; private set; } = [];

    public IReadOnlyList<LexState> States { get; private set; } = [];

    public IReadOnlyList<LexParty> Parties { get; private set; } = [];

    public IReadOnlyList<LexTitle> Titles { get; private set; } = [];

    public Gazetteer Names { get; } = new();

    public LexState? State(string? code) => code is null ? null : States.FirstOrDefault(s => s.Code == code);

    private static ImportLexicon LoadEmbedded()
    {
        var lexicon = new ImportLexicon();
        var ambiguous = EmbeddedData.ReadLexicon<AmbiguousNames>("ambiguous-names.json").Names.ToHashSet(StringComparer.Ordinal);
        lexicon.LoadStates(Read<List<StateRecord>>(ReferenceDataLoader.StatesFile));
        lexicon.LoadActors(ambiguous);
        lexicon.LoadParties(Read<List<PartyRecord>>(ReferenceDataLoader.PartiesFile));
        lexicon.LoadTitles(EmbeddedData.ReadLexicon<List<TitleRecord>>("official-titles.json"));
        return lexicon;
    }

    private static T Read<T>(string referenceFile)
    {
        using var stream = EmbeddedData.Reference(referenceFile);
        return JsonSerializer.Deserialize<T>(stream, EmbeddedData.JsonOptions) ?? throw new InvalidDataException($"{referenceFile} is empty.");
    }

    private void LoadStates(List<StateRecord> records)
    {
        var states = new List<LexState>();
        foreach (var r in records)
        {
            var state = new LexState(states.Count, r.Code.ToUpperInvariant(), r.En, r.Es);
            states.Add(state);
            AddName(r.En, EntityKind.State, state.Index, NameForm.Name, ProperNameRule(r.En));
            AddName(r.Es, EntityKind.State, state.Index, NameForm.Name, ProperNameRule(r.Es));
            foreach (var (_, name) in r.Names?.All() ?? [])
            {
                AddName(name, EntityKind.State, state.Index, NameForm.Name, ProperNameRule(name));
            }

            foreach (var (language, name) in r.Demonyms?.All() ?? [])
            {
                // Spanish writes demonyms in lower case ("chino"); English capitalises them ("Chinese").
                AddName(name, EntityKind.State, state.Index, NameForm.Demonym, language == Languages.Spanish ? CaseRule.Any : CaseRule.Capitalised);
            }

            foreach (var (_, name) in r.Metonyms?.All() ?? [])
            {
                AddName(name, EntityKind.State, state.Index, NameForm.Metonym, ProperNameRule(name));
            }
        }

        States = states;
    }

    private void LoadActors(HashSet<string> ambiguous)
    {
        var actors = new List<LexActor>();
        var aliases = new List<List<string>>();
        using (var galaxyStream = EmbeddedData.Reference(ReferenceDataLoader.GalaxyFile))
        {
            foreach (var v in GalaxyReader.Read(galaxyStream, ReferenceDataLoader.GalaxyFile).Values)
            {
                actors.Add(new LexActor(actors.Count, v.Value, "group", v.Country, []));
                aliases.Add([.. v.Synonyms]);
            }
        }

        foreach (var organ in Read<List<OrganRecord>>(ReferenceDataLoader.OrgansFile))
        {
            actors.Add(new LexActor(actors.Count, organ.Name, "agency", organ.State?.ToUpperInvariant(), []));
            aliases.Add([.. organ.Aliases?.All().Select(a => a.Name) ?? []]);
        }

        for (var i = 0; i < actors.Count; i++)
        {
            AddName(actors[i].Name, EntityKind.Actor, i, NameForm.Name, ActorRule(actors[i].Name, ambiguous));
            foreach (var alias in aliases[i])
            {
                AddName(alias, EntityKind.Actor, i, NameForm.Name, ActorRule(alias, ambiguous));
            }
        }

        // Local-language forms ("el hafnio") are written in lower case as ordinary nouns.
        var byKey = ActorKeys(actors, aliases);
        foreach (var extra in Read<List<ActorAliasesRecord>>(ReferenceDataLoader.ActorAliasesFile))
        {
            if (byKey.TryGetValue(TextFolding.Key(extra.Actor), out var index))
            {
                foreach (var (_, alias) in extra.Aliases?.All() ?? [])
                {
                    aliases[index].Add(alias);
                    AddName(alias, EntityKind.Actor, index, NameForm.Name, ambiguous.Contains(TextFolding.Key(alias)) ? CaseRule.Contextual : CaseRule.Any);
                }
            }
        }

        Actors = [.. actors.Select((a, i) => a with { Aliases = [.. aliases[i].Distinct(StringComparer.OrdinalIgnoreCase)] })];
    }

    /// <summary>Canonical names first, then aliases, so a file can name an actor either way.</summary>
    internal static Dictionary<string, int> ActorKeys(IReadOnlyList<LexActor> actors, IReadOnlyList<List<string>> aliases)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < actors.Count; i++)
        {
            byKey.TryAdd(TextFolding.Key(actors[i].Name), i);
        }

        for (var i = 0; i < actors.Count; i++)
        {
            foreach (var alias in aliases[i])
            {
                byKey.TryAdd(TextFolding.Key(alias), i);
            }
        }

        return byKey;
    }

    private void LoadParties(List<PartyRecord> records)
    {
        var parties = new List<LexParty>();
        foreach (var r in records)
        {
            var names = r.Aliases?.All().Select(a => a.Name).ToList() ?? [];
            var party = new LexParty(parties.Count, r.Name, r.Kind.ToLowerInvariant(), r.State?.ToUpperInvariant(), names);
            parties.Add(party);
            foreach (var name in names.Prepend(r.Name))
            {
                AddName(name, EntityKind.Party, party.Index, NameForm.Name, ProperNameRule(name));
            }
        }

        Parties = parties;
    }

    private void LoadTitles(List<TitleRecord> records)
    {
        var titles = new List<LexTitle>();
        foreach (var r in records)
        {
            var title = new LexTitle(titles.Count, r.Role, r.En.FirstOrDefault() ?? r.Role, r.PartyKind ?? "official");
            titles.Add(title);
            foreach (var name in r.En.Concat(r.Es))
            {
                AddName(name, EntityKind.Title, title.Index, NameForm.Name, CaseRule.Any);
            }
        }

        Titles = titles;
    }

    private void AddName(string name, EntityKind kind, int index, NameForm form, CaseRule rule)
    {
        var key = Text.Tokenizer.KeyOf(name);
        if (key.Length >= 2 && !key.All(char.IsDigit))
        {
            Names.Add(key, new NameEntry(kind, index, form, rule));
        }
    }

    /// <summary>Short all-capital acronyms must be written in capitals ("US" is not "us"); other names capitalised.</summary>
    private static CaseRule ProperNameRule(string name)
    {
        // A name listed in lower case ("inteligencia militar rusa", "portavoz del Kremlin") is written so in running text.
        if (name.Length > 0 && char.IsLower(name[0]))
        {
            return CaseRule.Any;
        }

        var letters = name.Count(char.IsLetter);
        return letters <= 4 && name.Where(char.IsLetter).All(char.IsUpper) ? CaseRule.Upper : CaseRule.Capitalised;
    }

    private static CaseRule ActorRule(string name, HashSet<string> ambiguous) =>
        ambiguous.Contains(TextFolding.Key(name)) ? CaseRule.Contextual : ProperNameRule(name);

    private sealed record AmbiguousNames(List<string> Names);

    private sealed record TitleRecord(string Role, List<string> En, List<string> Es, string? PartyKind);
}
