using AttributionTracker.Domain;
using AttributionTracker.Import.Dates;
using AttributionTracker.Import.Incidents;
using AttributionTracker.Import.Mentions;
using AttributionTracker.Import.Statements;
using AttributionTracker.Import.Text;

namespace AttributionTracker.Import;

/// <summary>
/// Turns an article's text into actors, parties, incidents and statements, each tied to the characters it came
/// from. Pure: no I/O, no database; the lexicons are embedded data loaded once.
/// </summary>
public static class Extractor
{
    public static Extraction Extract(string text, string language, string? title = null, PartialDate? published = null, ImportLexicon? names = null)
    {
        names ??= ImportLexicon.Default;
        var lexicon = StatementLexicon.For(language);
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var reference = published is { Precision: DatePrecision.Day } ? published.Start : (DateOnly?)null;
        var mentions = MentionFinder.Find(text, tokens, names);
        var actors = new List<LexActor>(names.Actors);
        mentions.AddRange(NewActorFinder.Find(text, tokens, mentions, actors, names.Actors.Count));
        mentions.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        var context = new ArticleContext
        {
            Text = text,
            Tokens = tokens,
            Mentions = mentions,
            Actors = actors,
            Dates = DateExpressions.Find(text, 0, text.Length, language, reference),
            Lexicon = lexicon,
            Names = names,
            Published = published,
        };
        context.IndexParties();

        var finder = new StatementFinder(context);
        var statements = new List<StatementDraft>();
        foreach (var sentence in sentences)
        {
            var phrases = IncidentPhraseFinder.Find(text, tokens, sentence.FirstToken, sentence.EndToken, lexicon, context.Mentions, context.Dates, names, sentence.FirstToken);
            var resolved = phrases.Select(p => (Phrase: p, Incident: context.Incidents.Resolve(p, sentence.Index)))
                .Where(p => p.Incident is not null).Select(p => (p.Phrase, p.Incident!)).ToList();
            statements.AddRange(finder.Find(sentence, resolved));
        }

        // A statement that names no incident of its own is about what the article is about.
        var main = context.Incidents.Main(tokens);
        foreach (var statement in statements.Where(s => s.Incident is null))
        {
            // The main incident if the article had introduced it by then; else the accused actor's own activity.
            statement.Incident = main is not null && main.Mentions[0][0] <= statement.Start ? main
                : statement.Actor is { } actor ? context.Incidents.ActivityOf(actors[actor].Name, language, statement.Start, statement.End)
                : main;
        }

        // Two clauses of one sentence can make the same statement ("We categorically deny such accusations; we consider
        // them groundless," Peskov said), also once the incident is filled in above: it is one claim, and kept twice it
        // would be counted twice everywhere.
        statements = [.. statements.DistinctBy(s => (s.Kind, s.Party, s.Actor, s.State, s.Incident, s.Start, s.End))];
        DenialLinker.Link(statements, actors);
        return ExtractionBuilder.Build(context, statements, language, title, published);
    }
}
