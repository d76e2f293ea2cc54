using AttributionTracker.Domain;
using AttributionTracker.Import.Dates;
using AttributionTracker.Import.Incidents;
using AttributionTracker.Import.Mentions;
using AttributionTracker.Import.Text;

namespace AttributionTracker.Import.Statements;

/// <summary>
/// Reads the statements of one sentence. A clause with an attribution or denial cue becomes a statement when it
/// has a speaker (a party before the cue, "según X", "X said", or — after "Dijo:" — the previous sentence's
/// speaker) and, for an attribution, something accused (an actor or a state, after the cue or, for "X was
/// behind", before it). A negation in the clause ("did not say whether", "no descartó") cancels an attribution.
/// Co-accusers joined by coordination ("Britain joined the US and other allies in accusing") each get their own.
/// </summary>
internal sealed class StatementFinder(ArticleContext article)
{
    private static readonly HashSet<string> VictimMarkers = new(StringComparer.Ordinal) { "contra", "against", "targeting", "targeted", "victim", "victima", "victimas", "on" };

    private PartyRef? previousSpeaker;

    private StatementDraft? lastAttribution;

    // The incident each actor was last accused of: a later statement about the actor with no incident of its own
    // ("NCSC said it was highly likely HAFNIUM is associated with the Chinese state") is about the same one.
    private readonly Dictionary<int, IncidentDraft> actorIncidents = [];

    public List<StatementDraft> Find(Sentence sentence, IReadOnlyList<(IncidentPhrase Phrase, IncidentDraft Incident)> incidents)
    {
        var tokens = article.Tokens;
        var lexicon = article.Lexicon;
        var cues = lexicon.Cues.FindAll(tokens, sentence.FirstToken, sentence.EndToken);
        cues.AddRange(lexicon.Predicates.FindAll(tokens, sentence.FirstToken, sentence.EndToken)
            .Where(p => Enumerable.Range(Math.Max(sentence.FirstToken, p.First - 3), p.First - Math.Max(sentence.FirstToken, p.First - 3)).Any(t => lexicon.Copulas.Contains(tokens[t].Key)))
            .Select(p => (p.First, p.Length, Cue.Attribution)));
        cues.RemoveAll(c => c.Value == Cue.Attribution && c.Length == 1 && lexicon.Nominal.Contains(tokens[c.First].Key));
        cues.Sort((a, b) => a.First.CompareTo(b.First));
        var found = new List<StatementDraft>();
        PartyRef? sentenceSpeaker = null;
        foreach (var (from, to, relative) in Clauses(sentence))
        {
            var clauseCues = cues.Where(c => c.First >= from && c.First < to).ToList();
            var main = clauseCues.FirstOrDefault(c => c.Value == Cue.Denial);
            if (main.Length == 0)
            {
                main = clauseCues.FirstOrDefault(c => c.Value == Cue.Attribution);
            }

            if (main.Length == 0 && clauseCues.FirstOrDefault(c => c.Value == Cue.Corroboration) is { Length: > 0 } corroboration
                && !clauseCues.Any(c => c.Value == Cue.Negation))
            {
                found.AddRange(Corroborate(sentence, Speakers(from, corroboration.First, out _)));
                continue;
            }

            if (main.Length == 0 && clauseCues.FirstOrDefault(c => c.Value == Cue.Cosigners) is { Length: > 0 } cosigners)
            {
                found.AddRange(Corroborate(sentence, Speakers(cosigners.First + cosigners.Length, to, out _)));
                continue;
            }

            if (main.Length == 0)
            {
                sentenceSpeaker ??= Speakers(from, to, out _).FirstOrDefault();
                continue;
            }

            // The first cue that yields a statement wins: "the DNC revealed it had been breached, and CrowdStrike said
            // two groups tied to the Russian intelligence services…" has no speaker for "breached" but one for "tied to".
            var candidates = main.Value == Cue.Denial ? [main] : clauseCues.Where(c => c.Value == Cue.Attribution).ToList();
            foreach (var candidate in candidates)
            {
                var made = Statements(sentence, cues, clauseCues, from, to, relative, candidate, incidents, ref sentenceSpeaker);
                if (made.Count > 0)
                {
                    found.AddRange(made);
                    break;
                }
            }
        }

        previousSpeaker = sentenceSpeaker ?? found.FirstOrDefault()?.Party ?? (article.Mentions.Any(m => m.FirstToken >= sentence.FirstToken && m.FirstToken < sentence.EndToken) ? null : previousSpeaker);
        return found;
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "a", "an", "the", "un", "una", "el", "la", "los", "las", "otro", "otra", "another" };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "ha", "han", "habia", "habian", "haber", "habria", "he", "hemos", "has", "have", "had", "having", "is", "are", "was", "were", "be", "been",
    };

    private static readonly HashSet<string> PassiveFollowers = new(StringComparer.Ordinal) { "of", "for", "to", "de", "del", "por", "a", "al" };

    /// <summary>A one-word participle cue used as an adjective: "acusado de", "accused of", "blamed for", "attributed to".</summary>
    private bool IsAdjectival(int cue, int length, int to)
    {
        var tokens = article.Tokens;
        if (length != 1 || cue + 1 >= to || !PassiveFollowers.Contains(tokens[cue + 1].Key))
        {
            return false;
        }

        var word = tokens[cue].Key;
        var participle = word.EndsWith("ed", StringComparison.Ordinal)
            || word.EndsWith("ado", StringComparison.Ordinal) || word.EndsWith("ada", StringComparison.Ordinal)
            || word.EndsWith("ados", StringComparison.Ordinal) || word.EndsWith("adas", StringComparison.Ordinal)
            || word.EndsWith("ido", StringComparison.Ordinal) || word.EndsWith("ida", StringComparison.Ordinal)
            || word.EndsWith("idos", StringComparison.Ordinal) || word.EndsWith("idas", StringComparison.Ordinal);
        var auxiliary = cue > 0 && Auxiliaries.Contains(tokens[cue - 1].Key);

        // "The UK accused Russia of…" puts the accused between the verb and "of"; "Russia, accused of…" does not.
        return participle && !auxiliary;
    }

    /// <summary>The party after "por"/"by" in a passive clause.</summary>
    private PartyRef? Agent(int from, int to)
    {
        for (var t = from; t < to - 1; t++)
        {
            if (article.Tokens[t].Key is "por" or "by")
            {
                var agent = article.PartyMentions.FirstOrDefault(p => p.Mention.FirstToken >= t + 1 && p.Mention.FirstToken <= t + 3);
                return agent.Mention is null ? null : agent.Party;
            }
        }

        return null;
    }

    /// <summary>The statements one cue of a clause makes, or none when it lacks a speaker or an accused.</summary>
    private List<StatementDraft> Statements(
        Sentence sentence, List<(int First, int Length, Cue Value)> cues, List<(int First, int Length, Cue Value)> clauseCues, int from, int to, bool relative,
        (int First, int Length, Cue Value) main, IReadOnlyList<(IncidentPhrase Phrase, IncidentDraft Incident)> incidents, ref PartyRef? sentenceSpeaker)
    {
        var tokens = article.Tokens;
        var lexicon = article.Lexicon;
        var found = new List<StatementDraft>();
        var kind = main.Value == Cue.Denial ? StatementKind.Denial : StatementKind.Attribution;
        if (kind == StatementKind.Attribution && clauseCues.Any(c => c.Value == Cue.Negation))
        {
            return found;
        }

        var speakers = Speakers(from, main.First, out var speakerEnd);
        if (kind == StatementKind.Attribution && IsAdjectival(main.First, main.Length, to))
        {
            // "Rusia, otro país acusado de…", "a group accused of…": whoever stands before it is not the accuser;
            // only an agent ("acusado por el FBI") is.
            speakers = Agent(main.First + main.Length, to) is { } agent ? [agent] : [];
            speakerEnd = from;
            if (speakers.Count == 0)
            {
                return found;
            }
        }

        if (speakers.Count == 0)
        {
            speakers = ReportedSpeaker(sentence, cues, main.First) is { } reported ? [reported] : [];
        }

        // A relative clause (", a group that has been blamed for…") reports someone else's claim, not the speaker's.
        if (speakers.Count == 0 && !relative && (sentenceSpeaker ?? OpensWithSpeech(sentence, cues)) is { } inherited)
        {
            speakers = [inherited];
        }

        if (speakers.Count == 0)
        {
            return found;
        }

        sentenceSpeaker ??= speakers[0];
        var clauseIncidents = incidents.Where(p => p.Phrase.FirstToken >= from && p.Phrase.FirstToken < to).ToList();
        var inIncident = clauseIncidents.Select(p => (p.Phrase.FirstToken, p.Phrase.EndToken)).ToList();
        // What stands between the speaker and its reporting verb ("el NCSC, una rama de GCHQ, dijo…") is about the speaker.
        var subjectEnd = cues.Where(c => c.Value == Cue.Speech && c.First >= speakerEnd && c.First < main.First).Select(c => c.First + c.Length).DefaultIfEmpty(speakerEnd).Max();
        var (actors, state) = kind == StatementKind.Attribution ? Accused(from, to, main.First, main.First + main.Length, subjectEnd, inIncident, speakers) : ([], null);
        if (kind == StatementKind.Attribution && actors.Count == 0 && state is null)
        {
            return found;
        }

        // "…was behind the BadRabbit ransomware, the attack on WADA and the hack of the OPCW": one statement each.
        var incidentsAfter = clauseIncidents.Where(p => p.Phrase.FirstToken > main.First).Select(p => p.Incident).Distinct().ToList();

        // "acusó a EE UU de llevar a cabo una campaña de desinformación": an accusation, but not of a cyber operation.
        if (kind == StatementKind.Attribution && incidentsAfter.Count == 0
            && Enumerable.Range(main.First + main.Length, Math.Max(0, to - main.First - main.Length)).Any(t => lexicon.NotCyber.Contains(tokens[t].Key)))
        {
            return found;
        }

        var incident = incidentsAfter.FirstOrDefault()
            ?? clauseIncidents.LastOrDefault().Incident
            ?? NamedIncident(from, to)
            ?? actors.Select(a => actorIncidents.GetValueOrDefault(a)).FirstOrDefault(i => i is not null);
        foreach (var actor in actors.Where(_ => incident is not null))
        {
            actorIncidents[actor] = incident!;
        }

        List<IncidentDraft?> targets = incidentsAfter.Count > 1 ? [.. incidentsAfter] : [incident];

        // The clause's own confidence wording, else the sentence's ("considera «con alta confianza» que el GRU…").
        var confidence = lexicon.Confidence.FindAll(tokens, from, to).Concat(lexicon.Confidence.FindAll(tokens, sentence.FirstToken, sentence.EndToken))
            .Select(c => ((ConfidenceLevel, string)?)(c.Value.Level, Surface(c.First, c.Length))).FirstOrDefault();
        var date = StatementDate(from, to, inIncident) ?? article.Published;
        foreach (var speaker in speakers)
        {
            foreach (var actor in actors.DefaultIfEmpty(-1))
            {
                foreach (var about in targets)
                {
                    var draft = new StatementDraft
                    {
                        Kind = kind,
                        Party = speaker,
                        Actor = actor < 0 ? null : actor,
                        State = state == speaker.State ? null : state,
                        Incident = about,
                        Confidence = confidence,
                        Date = date,
                        SentenceIndex = sentence.Index,
                        Start = sentence.Start,
                        End = sentence.End,
                    };
                    draft.Named.AddRange(article.PartyMentions.Where(p => p.Mention.FirstToken >= from && p.Mention.EndToken <= to && p.Party != speaker).Select(p => p.Party));
                    found.Add(draft);
                    lastAttribution = kind == StatementKind.Attribution ? draft : lastAttribution;
                }
            }
        }

        // "…y se sumó así a la condena conjunta de Estados Unidos, la Unión Europea…": co-signers after the statement.
        if (kind == StatementKind.Attribution && clauseCues.FirstOrDefault(c => c.Value == Cue.Cosigners && c.First > main.First) is { Length: > 0 } joint)
        {
            found.AddRange(Corroborate(sentence, Speakers(joint.First + joint.Length, to, out _)));
        }

        return found;
    }

    /// <summary>An incident named in the clause without a head word: "the tools used in WannaCry" once "the WannaCry attack" is known.</summary>
    private IncidentDraft? NamedIncident(int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            if (article.Tokens[t].Shape != TokenShape.Lower
                && article.Incidents.Incidents.FirstOrDefault(i => i.ProperKeys.Contains(article.Tokens[t].Key)) is { } named)
            {
                return named;
            }
        }

        return null;
    }

    /// <summary>"Canada, Denmark and New Zealand issued statements backing the assessment": the last attribution, adopted.</summary>
    private IEnumerable<StatementDraft> Corroborate(Sentence sentence, List<PartyRef> speakers)
    {
        if (lastAttribution is not { } last)
        {
            yield break;
        }

        foreach (var speaker in speakers.Where(s => s != last.Party && s.State != last.State && s.State != last.Party.State))
        {
            yield return new StatementDraft
            {
                Kind = StatementKind.Attribution,
                Party = speaker,
                Actor = last.Actor,
                State = last.State,
                Incident = last.Incident,
                Date = article.Published,
                SentenceIndex = sentence.Index,
                Start = sentence.Start,
                End = sentence.End,
            };
        }
    }

    private IEnumerable<(int From, int To, bool Relative)> Clauses(Sentence sentence)
    {
        var tokens = article.Tokens;
        var from = sentence.FirstToken;
        var relative = false;
        for (var t = sentence.FirstToken + 1; t < sentence.EndToken; t++)
        {
            // ", which…", ", que…", or an apposition ", a group that…" / ", un grupo que…".
            var opensRelative = article.Lexicon.RelativeBreaks.Contains(tokens[t].Key)
                && (CommaBefore(t) || (t - 2 > from && CommaBefore(t - 2) && Determiners.Contains(tokens[t - 2].Key)));
            if (article.Lexicon.ClauseBreaks.Contains(tokens[t].Key) || opensRelative || PunctuationBefore(t) == ';')
            {
                yield return (from, t, relative);
                from = t;
                relative = opensRelative;
            }
        }

        yield return (from, sentence.EndToken, relative);
    }

    /// <summary>The speaker and co-speakers: the first party-like mention before the cue, and those coordinated with it.</summary>
    private List<PartyRef> Speakers(int from, int cue, out int speakersEnd)
    {
        var candidates = article.PartyMentions.Where(p => p.Mention.FirstToken >= from && p.Mention.EndToken <= cue).ToList();
        var result = new List<PartyRef>();
        speakersEnd = from;
        if (candidates.Count == 0)
        {
            return result;
        }

        // "Britain's National Cyber Security Centre": a state right before its own agency names the agency.
        var lead = 0;
        while (lead + 1 < candidates.Count && candidates[lead].Party.Kind == PartyRefKind.Government
            && candidates[lead + 1].Mention.FirstToken - candidates[lead].Mention.EndToken <= 1
            && candidates[lead + 1].Party.State == candidates[lead].Party.State)
        {
            lead++;
        }

        result.Add(candidates[lead].Party);
        var end = candidates[lead].Mention.EndToken;
        for (var c = lead + 1; c < candidates.Count; c++)
        {
            var (mention, party) = candidates[c];
            if (!Coordinated(end, mention.FirstToken))
            {
                break;
            }

            end = mention.EndToken;
            if (!result.Any(r => r == party || (r.State is not null && r.State == party.State)))
            {
                result.Add(party);
            }
        }

        speakersEnd = end;
        return result;
    }

    /// <summary>True when only coordination ("y", ", ", "se ha unido a", "along with the") stands between two mentions.</summary>
    private bool Coordinated(int from, int to)
    {
        if (to - from > 8)
        {
            return false;
        }

        var t = from;
        while (t < to)
        {
            if (article.Lexicon.Coordination.MatchAt(article.Tokens, t, to) is not { } m)
            {
                return false;
            }

            t += m.Length;
        }

        return true;
    }

    /// <summary>"…, Microsoft said." / "según el NCSC" / "according to the FBI".</summary>
    private PartyRef? ReportedSpeaker(Sentence sentence, List<(int First, int Length, Cue Value)> cues, int mainCue)
    {
        foreach (var speech in cues.Where(c => c.Value == Cue.Speech))
        {
            var after = article.PartyMentions.FirstOrDefault(p => p.Mention.FirstToken >= speech.First + speech.Length && p.Mention.FirstToken <= speech.First + speech.Length + 2);
            if (after.Mention is not null && (speech.First > mainCue || article.Tokens[speech.First].Key is "segun" or "according"))
            {
                return after.Party;
            }

            var before = article.PartyMentions.LastOrDefault(p => p.Mention.EndToken <= speech.First && p.Mention.EndToken >= speech.First - 2 && p.Mention.FirstToken > mainCue);
            if (before.Mention is not null)
            {
                return before.Party;
            }
        }

        return null;
    }

    /// <summary>"Dijo: «…»" — a sentence that opens with a reporting verb and a colon or quote continues the last speaker.</summary>
    private PartyRef? OpensWithSpeech(Sentence sentence, List<(int First, int Length, Cue Value)> cues)
    {
        var opening = cues.FirstOrDefault(c => c.Value == Cue.Speech && c.First == sentence.FirstToken);
        if (opening.Length == 0 || previousSpeaker is null)
        {
            return null;
        }

        var after = article.Tokens[sentence.FirstToken + opening.Length - 1].End;
        var rest = article.Text.AsSpan(after, Math.Min(3, sentence.End - after)).TrimStart();
        return rest.Length > 0 && rest[0] is ':' or '"' or '“' or '«' ? previousSpeaker : null;
    }

    private (List<int> Actors, string? State) Accused(int from, int to, int cue, int cueEnd, int speakerEnd, List<(int First, int End)> incidents, List<PartyRef> speakers)
    {
        bool Free(Mention m) => !incidents.Any(i => m.FirstToken >= i.First && m.FirstToken < i.End) && !IsVictim(m);
        var mentions = article.Mentions.Where(m => m.FirstToken >= from && m.EndToken <= to && Free(m)).ToList();
        var after = mentions.Where(m => m.FirstToken >= cueEnd).ToList();
        var before = mentions.Where(m => m.FirstToken >= speakerEnd && m.EndToken <= cue).ToList();

        var actors = after.Where(m => m.Kind == EntityKind.Actor).Select(m => m.Index).Distinct().Take(3).ToList();
        if (actors.Count == 0)
        {
            // "…que el hafnio esté asociado con…": the nearest actor before the cue.
            var nearest = before.LastOrDefault(m => m.Kind == EntityKind.Actor);
            actors = nearest is null ? [] : [nearest.Index];
        }

        var speakerStates = speakers.Select(s => s.State).ToHashSet();
        string? StateOf(IEnumerable<Mention> ms) => ms.Where(m => m.Kind == EntityKind.State)
            .Select(m => article.Names.States[m.Index].Code).FirstOrDefault(c => !speakerStates.Contains(c));
        var state = StateOf(after) ?? StateOf(before);
        return (actors, state);
    }

    /// <summary>A state named shortly after "contra"/"against"/"targeting" was hit, not accused.</summary>
    private bool IsVictim(Mention m)
    {
        for (var t = m.FirstToken - 1; t >= Math.Max(0, m.FirstToken - 6); t--)
        {
            if (VictimMarkers.Contains(article.Tokens[t].Key))
            {
                return true;
            }

            if (article.Lexicon.Cues.MatchAt(article.Tokens, t, t + 1) is not null || article.Mentions.Any(x => x.EndToken == t + 1 && x.Kind == EntityKind.Actor))
            {
                return false;
            }
        }

        return false;
    }

    private bool CommaBefore(int token) => PunctuationBefore(token) == ',';

    /// <summary>The last character before a token other than white space.</summary>
    private char PunctuationBefore(int token)
    {
        var i = article.Tokens[token].Start - 1;
        while (i >= 0 && char.IsWhiteSpace(article.Text[i]))
        {
            i--;
        }

        return i >= 0 ? article.Text[i] : '\0';
    }

    private PartialDate? StatementDate(int from, int to, List<(int First, int End)> incidents)
    {
        var start = article.Tokens[from].Start;
        var end = article.Tokens[to - 1].End;
        return article.Dates.FirstOrDefault(d => d.Start >= start && d.End <= end
            && !incidents.Any(i => d.Start >= article.Tokens[i.First].Start && d.End <= article.Tokens[i.End - 1].End))?.Date;
    }

    private string Surface(int first, int length) => article.Text[article.Tokens[first].Start..article.Tokens[first + length - 1].End];
}
