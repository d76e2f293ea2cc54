using AttributionTracker.Domain;

namespace AttributionTracker.Import.Dates;

/// <summary>An expression found in the token stream: tokens [First, End) and what it says.</summary>
internal readonly record struct DateCandidate(int First, int End, DateSpec Spec);

/// <summary>
/// A left-to-right scan over the tokens that tries every rule at each token that can begin an expression and keeps
/// the longest match, then resumes after it. Each rule looks at most a handful of tokens ahead, so a scan is linear
/// in the length of the text whatever the text is.
/// </summary>
internal ref struct DateParser(ReadOnlySpan<DateToken> tokens, DateLexicon lexicon, int maxBareYear, List<DateCandidate> found)
{
    /// <summary>A bare number is a year only from here ("in 1989" is more likely a count than a date in this corpus).</summary>
    private const int MinBareYear = 1990;

    /// <summary>Years written next to a month, a day or a part phrase may be older, but not absurd.</summary>
    private const int MinYear = 1900;

    private const int MaxYear = 2099;

    private static readonly int[] DaysInMonth = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private readonly ReadOnlySpan<DateToken> t = tokens;

    public readonly void Scan()
    {
        var i = 0;
        while (i < t.Length)
        {
            if (!CanStart(i))
            {
                i++;
                continue;
            }

            var skip = lexicon.NotDates.Match(t, i, out _);
            if (skip > 0)
            {
                i += skip;
                continue;
            }

            var end = At(i, out var spec);
            if (end > i)
            {
                found.Add(new DateCandidate(i, end, spec));
                i = end;
            }
            else
            {
                i++;
            }
        }

        BorrowYears();
    }

    private readonly bool CanStart(int i) =>
        t[i].Kind == DateTokenKind.Number || (t[i].Kind == DateTokenKind.Word && t[i].Id >= 0 && lexicon.CanStart[t[i].Id]);

    /// <summary>The longest expression at <paramref name="i"/>, taking a leading "in"/"en"/"el" into it.</summary>
    private readonly int At(int i, out DateSpec spec)
    {
        var best = Core(i, out spec);
        if (Is(i, WordRole.Locator))
        {
            Keep(ref best, ref spec, Core(i + 1, out var s1), s1);
            if (Is(i + 1, WordRole.Article))
            {
                Keep(ref best, ref spec, Core(i + 2, out var s2), s2);
            }
        }
        else if (Is(i, WordRole.Article))
        {
            Keep(ref best, ref spec, Core(i + 1, out var s3), s3);
        }

        return best;
    }

    private readonly int Core(int j, out DateSpec spec)
    {
        spec = default;
        var best = -1;
        if (j >= t.Length)
        {
            return best;
        }

        if (t[j].Kind == DateTokenKind.Number)
        {
            Keep(ref best, ref spec, DayMonth(j, null, out var a), a);
            Keep(ref best, ref spec, Iso(j, out var b), b);
            Keep(ref best, ref spec, Numeric(j, out var c), c);
            Keep(ref best, ref spec, AgoAfter(j, out var d), d);
            Keep(ref best, ref spec, BareYear(j, out var e), e);
        }
        else if (t[j].Kind == DateTokenKind.Word && t[j].Id >= 0)
        {
            Keep(ref best, ref spec, Relative(j, out var a), a);
            Keep(ref best, ref spec, Part(j, out var b), b);
            Keep(ref best, ref spec, Modified(j, out var c), c);
            Keep(ref best, ref spec, Weekday(j, null, out var d), d);
            Keep(ref best, ref spec, MonthExpression(j, requireContext: true, out var e), e);
            Keep(ref best, ref spec, AgoBefore(j, out var f), f);
            Keep(ref best, ref spec, AgoAfter(j, out var g), g);
        }

        return best;
    }

    private static void Keep(ref int best, ref DateSpec spec, int end, DateSpec candidate)
    {
        if (end > best)
        {
            best = end;
            spec = candidate;
        }
    }

    // "last year", "el mes pasado", "ayer"
    private readonly int Relative(int j, out DateSpec spec)
    {
        var length = lexicon.Relative.Match(t, j, out var relative);
        spec = length > 0 ? DateSpec.Relative(relative) : default;
        return length > 0 ? j + length : -1;
    }

    // "a principios de marzo", "late last year", "mid-2021", "a fin de año"
    private readonly int Part(int j, out DateSpec spec)
    {
        spec = default;
        var length = lexicon.Parts.Match(t, j, out var part);
        if (length == 0)
        {
            return -1;
        }

        var k = j + length;
        if (k + 1 < t.Length && IsHyphen(k) && t[k].IsGlued && t[k + 1].IsGlued)
        {
            k++;
        }

        var best = -1;
        if (ExplicitYear(k) is > 0 and var year)
        {
            Keep(ref best, ref spec, k + 1, new DateSpec(DateAnchor.Absolute, Year: year, Part: part));
        }

        var end = MonthExpression(k, requireContext: false, out var month);
        if (end > 0 && month.Day == 0)
        {
            Keep(ref best, ref spec, end, month with { Part = part });
        }

        var targetLength = lexicon.PartTargets.Match(t, k, out var relative);
        if (targetLength > 0)
        {
            var after = k + targetLength;
            if (relative.AfterPart && relative.Unit == DateUnit.Year && ExplicitYear(after) is > 0 and var written)
            {
                // "a finales del año 2020"
                Keep(ref best, ref spec, after + 1, new DateSpec(DateAnchor.Absolute, Year: written, Part: part));
            }
            else
            {
                Keep(ref best, ref spec, after, DateSpec.Relative(relative) with { Part = part });
            }
        }

        return best;
    }

    // "el pasado martes", "last March", "el pasado 24 de febrero", "el pasado mes de marzo", "este miércoles"
    private readonly int Modified(int j, out DateSpec spec)
    {
        spec = default;
        var length = lexicon.Modifiers.Match(t, j, out var direction);
        if (length == 0)
        {
            return -1;
        }

        var k = j + length;
        var best = Weekday(k, direction, out spec);
        Keep(ref best, ref spec, DayMonth(k, direction, out var day), day);
        var end = MonthExpression(k, requireContext: false, out var month);
        if (end > 0 && month.Anchor == DateAnchor.NearestMonth)
        {
            Keep(ref best, ref spec, end, month with { Direction = direction });
        }

        return best;
    }

    // "Monday", "el lunes pasado", "el lunes 19 de julio", "Monday, July 19, 2021"
    private readonly int Weekday(int j, Direction? modifier, out DateSpec spec)
    {
        spec = default;
        var weekday = WeekdayAt(j);
        if (weekday < 0 || (modifier is null && Is(j - 1, WordRole.WeekdayVeto)))
        {
            return -1;
        }

        var k = j + 1;
        var direction = modifier ?? Direction.OnOrBefore;
        var postLength = lexicon.PostModifiers.Match(t, k, out var post);
        if (postLength > 0)
        {
            direction = post;
            k += postLength;
        }

        // A date after the weekday is the more precise statement of the same day.
        var d = IsSymbol(k, ',') ? k + 1 : k;
        var best = DayMonth(d, modifier, out spec);
        var end = MonthExpression(d, requireContext: false, out var month);
        if (end > best && month.Day > 0)
        {
            best = end;
            spec = modifier is { } m && month.Anchor == DateAnchor.NearestMonth ? month with { Direction = m } : month;
        }

        if (best > 0)
        {
            return best;
        }

        // "the Sunday Times", "Bloody Sunday": a bare capitalised weekday against another capitalised word is a name.
        if (modifier is null && postLength == 0 && lexicon.NamesCapitalized && !Is(j - 1, WordRole.Locator | WordRole.Article)
            && k < t.Length && t[k].Kind == DateTokenKind.Word && (t[k].Flags & DateTokenFlags.Capitalized) != 0)
        {
            return -1;
        }

        spec = new DateSpec(DateAnchor.Weekday, Direction: direction, Weekday: weekday);
        return k;
    }

    // "19 July 2021", "19 de julio", "27 June last year", "el 24 de febrero pasado"
    private readonly int DayMonth(int j, Direction? modifier, out DateSpec spec)
    {
        spec = default;
        if (!IsDay(j, out var day))
        {
            return -1;
        }

        var k = j + 1;
        if (IsOrdinal(k))
        {
            k++;
        }

        if (Is(k, WordRole.Connector))
        {
            k++;
        }

        var month = MonthAt(k, out var abbreviation);
        if (month == 0 || day > DaysInMonth[month])
        {
            return -1;
        }

        k = AfterMonth(k, abbreviation);
        var end = YearSpec(k, out var year);
        if (end > 0)
        {
            spec = year with { Month = month, Day = day };
            return end;
        }

        var direction = modifier ?? Direction.OnOrBefore;
        var postLength = lexicon.PostModifiers.Match(t, k, out var post);
        if (postLength > 0)
        {
            direction = post;
            k += postLength;
        }

        spec = new DateSpec(DateAnchor.NearestMonth, Month: month, Day: day, Direction: direction);
        return k;
    }

    // "March 2021", "marzo de 2021", "July 19, 2021", "March last year", "marzo pasado", "en marzo"
    private readonly int MonthExpression(int j, bool requireContext, out DateSpec spec)
    {
        spec = default;
        var k = j;
        var context = !requireContext;
        var prefix = lexicon.MonthPrefixes.Match(t, k, out _);
        if (prefix > 0)
        {
            k += prefix;
            context = true;
        }

        var month = MonthAt(k, out var abbreviation);
        if (month == 0)
        {
            return -1;
        }

        context = context || HasContextBefore(j);
        k = AfterMonth(k, abbreviation);
        var best = -1;
        if (IsDay(k, out var day) && day <= DaysInMonth[month])
        {
            var d = IsOrdinal(k + 1) ? k + 2 : k + 1;
            var end = YearSpec(d, out var year);
            Keep(ref best, ref spec, end > 0 ? end : d,
                end > 0 ? year with { Month = month, Day = day } : new DateSpec(DateAnchor.NearestMonth, Month: month, Day: day));
        }

        Keep(ref best, ref spec, YearSpec(k, out var monthYear), monthYear with { Month = month });

        var postLength = lexicon.PostModifiers.Match(t, k, out var post);
        if (postLength > 0)
        {
            Keep(ref best, ref spec, k + postLength, new DateSpec(DateAnchor.NearestMonth, Month: month, Direction: post));
        }

        if (best < 0 && !abbreviation && (context || CoordinatedMonthFollows(k)))
        {
            best = k;
            spec = new DateSpec(DateAnchor.NearestMonth, Month: month);
        }

        return best;
    }

    /// <summary>The year written after a month or day: "2021", ", 2021", "de 2021", "del 2021", "del año pasado", "last year".</summary>
    private readonly int YearSpec(int k, out DateSpec spec)
    {
        spec = default;
        var best = -1;
        var a = IsSymbol(k, ',') ? k + 1 : k;
        if (ExplicitYear(a) is > 0 and var year)
        {
            Keep(ref best, ref spec, a + 1, new DateSpec(DateAnchor.Absolute, Year: year));
        }

        var relativeAt = k;
        if (Is(k, WordRole.Connector))
        {
            var b = Is(k + 1, WordRole.Article) ? k + 2 : k + 1;
            if (ExplicitYear(b) is > 0 and var connected)
            {
                Keep(ref best, ref spec, b + 1, new DateSpec(DateAnchor.Absolute, Year: connected));
            }

            relativeAt = k + 1;
        }

        var length = lexicon.Relative.Match(t, relativeAt, out var relative);
        if (length > 0 && relative.Unit == DateUnit.Year)
        {
            Keep(ref best, ref spec, relativeAt + length, new DateSpec(DateAnchor.YearOffset, Offset: relative.Offset));
        }

        return best;
    }

    // "2021-07-19"
    private readonly int Iso(int j, out DateSpec spec)
    {
        spec = default;
        if (j + 4 >= t.Length || t[j].Id != 4 || !FreeStart(j)
            || !IsSymbol(j + 1, '-') || !t[j + 1].IsGlued || !IsPlain(j + 2, 2) || !t[j + 2].IsGlued
            || !IsSymbol(j + 3, '-') || !t[j + 3].IsGlued || !IsPlain(j + 4, 2) || !t[j + 4].IsGlued || !FreeEnd(j + 4))
        {
            return -1;
        }

        return Valid(t[j].Value, t[j + 2].Value, t[j + 4].Value, out spec) ? j + 5 : -1;
    }

    // "19/07/2021" where the language writes the day first
    private readonly int Numeric(int j, out DateSpec spec)
    {
        spec = default;
        if (!lexicon.NumericDayFirst || j + 4 >= t.Length || !IsPlain(j, 2) || !FreeStart(j)
            || !IsSymbol(j + 1, '/') || !t[j + 1].IsGlued || !IsPlain(j + 2, 2) || !t[j + 2].IsGlued
            || !IsSymbol(j + 3, '/') || !t[j + 3].IsGlued || t[j + 4].Kind != DateTokenKind.Number || t[j + 4].Id != 4
            || !t[j + 4].IsGlued || !FreeEnd(j + 4))
        {
            return -1;
        }

        return Valid(t[j + 4].Value, t[j + 2].Value, t[j].Value, out spec) ? j + 5 : -1;
    }

    // "hace dos años", "hace apenas un mes"
    private readonly int AgoBefore(int j, out DateSpec spec)
    {
        spec = default;
        if (!Is(j, WordRole.AgoBefore))
        {
            return -1;
        }

        var k = j + 1;
        for (var filler = 0; filler < 2 && Is(k, WordRole.AgoFiller); filler++)
        {
            k++;
        }

        return Count(k) is > 0 and var count && UnitAt(k + 1) is { } unit ? Ago(count, unit, k + 2, out spec) : -1;
    }

    // "two years ago", "3 months ago"
    private readonly int AgoAfter(int j, out DateSpec spec)
    {
        spec = default;
        return Count(j) is > 0 and var count && UnitAt(j + 1) is { } unit && Is(j + 2, WordRole.AgoAfter)
            ? Ago(count, unit, j + 3, out spec)
            : -1;
    }

    private static int Ago(int count, DateUnit unit, int end, out DateSpec spec)
    {
        spec = unit switch
        {
            DateUnit.Year => new DateSpec(DateAnchor.YearOffset, Offset: -count),
            DateUnit.Month => new DateSpec(DateAnchor.MonthOffset, Offset: -count),
            _ => new DateSpec(DateAnchor.DayOffset, Offset: -count),
        };
        return end;
    }

    // "en 2020", "since 2019", "de 2020", "the 2020 attack", "de 2015 y 2016"
    private readonly int BareYear(int j, out DateSpec spec)
    {
        spec = default;
        var token = t[j];
        if (!IsPlain(j, 4) || token.Value < MinBareYear || token.Value > maxBareYear)
        {
            return -1;
        }

        var coordinated = CoordinatedWithYearBefore(j);
        if ((!coordinated && !FreeStart(j)) || (!FreeEnd(j) && !YearFollowsThroughDash(j)))
        {
            return -1;
        }

        // "más de 2000", "in 2000 servers", "2020%"
        if (Is(j + 1, WordRole.NotYearAfter) || IsSymbol(j + 1, '%'))
        {
            return -1;
        }

        const WordRole trigger = WordRole.Locator | WordRole.YearTrigger;
        var context = coordinated
            || (Is(j - 1, trigger) && !Is(j - 2, WordRole.NotYearBefore))
            || (Is(j - 1, WordRole.Article) && Is(j - 2, trigger))
            || (Is(j + 1, WordRole.YearNoun) && !t[j + 1].IsGlued);
        if (!context)
        {
            return -1;
        }

        spec = new DateSpec(DateAnchor.Absolute, Year: token.Value);
        return j + 1;
    }

    /// <summary>"entre abril y mayo de 2015": a month without a year takes the year of the month joined to it.</summary>
    private readonly void BorrowYears()
    {
        for (var c = 0; c + 1 < found.Count; c++)
        {
            var (first, next) = (found[c].Spec, found[c + 1].Spec);
            if (first.Anchor != DateAnchor.NearestMonth || first.Direction != Direction.OnOrBefore
                || found[c + 1].First != found[c].End + 1 || !IsConjunction(found[c].End)
                || next.Anchor is not (DateAnchor.Absolute or DateAnchor.YearOffset) || next.Month == 0)
            {
                continue;
            }

            // "between December and January 2021": December is the year before.
            var back = first.Month > next.Month || (first.Month == next.Month && first.Day > next.Day) ? 1 : 0;
            found[c] = found[c] with
            {
                Spec = first with { Anchor = next.Anchor, Year = next.Year - back, Offset = next.Offset - back },
            };
        }
    }

    private readonly bool CoordinatedWithYearBefore(int j) =>
        found.Count > 0 && found[^1].End == j - 1 && IsConjunction(j - 1) && found[^1].Spec is { Anchor: DateAnchor.Absolute, Year: > 0 };

    private readonly bool CoordinatedMonthFollows(int k) => IsConjunction(k) && MonthAt(k + 1, out var abbreviation) > 0 && !abbreviation;

    // "2015-2016": the dash joins two years rather than making the first one part of a code.
    private readonly bool YearFollowsThroughDash(int j) =>
        j + 2 < t.Length && IsHyphen(j + 1) && t[j + 1].IsGlued && t[j + 2].IsGlued && IsPlain(j + 2, 4) && FreeEnd(j + 2);

    private readonly bool HasContextBefore(int j)
    {
        const WordRole trigger = WordRole.Locator | WordRole.YearTrigger;
        return Is(j - 1, trigger) || (Is(j - 1, WordRole.Article) && Is(j - 2, trigger));
    }

    private readonly int ExplicitYear(int k) =>
        IsPlain(k, 4) && t[k].Value is >= MinYear and <= MaxYear && FreeEnd(k) ? t[k].Value : 0;

    private readonly bool IsDay(int k, out int day)
    {
        day = IsPlain(k, 1) || IsPlain(k, 2) ? t[k].Value : 0;
        return day is >= 1 and <= 31 && FreeStart(k) && (FreeEnd(k) || IsOrdinal(k + 1));
    }

    private readonly bool IsOrdinal(int k) => k < t.Length && t[k].IsGlued && Is(k, WordRole.OrdinalSuffix);

    private readonly int Count(int k)
    {
        if (k >= t.Length)
        {
            return 0;
        }

        if (t[k].Kind == DateTokenKind.Word)
        {
            return t[k].Id >= 0 ? lexicon.Number[t[k].Id] : 0;
        }

        return t[k].Kind == DateTokenKind.Number && t[k].Id <= 3 && (t[k].Flags & DateTokenFlags.Grouped) == 0
            && FreeStart(k) && FreeEnd(k) ? t[k].Value : 0;
    }

    private readonly DateUnit? UnitAt(int k) =>
        k < t.Length && t[k].Kind == DateTokenKind.Word && t[k].Id >= 0 ? lexicon.Unit[t[k].Id] : null;

    private readonly int MonthAt(int k, out bool abbreviation)
    {
        abbreviation = false;
        if (k < 0 || k >= t.Length || t[k].Kind != DateTokenKind.Word || t[k].Id < 0 || lexicon.Month[t[k].Id] == 0 || !NameCase(k))
        {
            return 0;
        }

        abbreviation = lexicon.MonthIsAbbreviation[t[k].Id];
        return lexicon.Month[t[k].Id];
    }

    private readonly int WeekdayAt(int k) =>
        k < t.Length && t[k].Kind == DateTokenKind.Word && t[k].Id >= 0 && NameCase(k) ? lexicon.Weekday[t[k].Id] : -1;

    private readonly bool NameCase(int k) => !lexicon.NamesCapitalized || (t[k].Flags & DateTokenFlags.Capitalized) != 0;

    // "Sept. 2020": the abbreviation's full stop belongs to it.
    private readonly int AfterMonth(int k, bool abbreviation) => abbreviation && IsSymbol(k + 1, '.') && t[k + 1].IsGlued ? k + 2 : k + 1;

    /// <summary>A number of exactly <paramref name="digits"/> digits without separators.</summary>
    private readonly bool IsPlain(int k, int digits) =>
        k >= 0 && k < t.Length && t[k].Kind == DateTokenKind.Number && t[k].Id == digits && (t[k].Flags & DateTokenFlags.Grouped) == 0;

    /// <summary>Not glued to a word, number or code character before ("CVE-2021", "v2021", "#2020").</summary>
    private readonly bool FreeStart(int k)
    {
        if (k == 0 || !t[k].IsGlued)
        {
            return true;
        }

        var before = t[k - 1];
        return before.Kind == DateTokenKind.Symbol && !"-‐‑–/_.:#@$€£+*=".Contains((char)before.Id, StringComparison.Ordinal);
    }

    /// <summary>Not glued to a word, number or code character after ("2020s", "2021-26855", "2020%").</summary>
    private readonly bool FreeEnd(int k)
    {
        if (k + 1 >= t.Length || !t[k + 1].IsGlued)
        {
            return true;
        }

        var after = t[k + 1];
        return after.Kind == DateTokenKind.Symbol && !"-‐‑–/_%€$£+*=".Contains((char)after.Id, StringComparison.Ordinal);
    }

    private readonly bool IsConjunction(int k) => Is(k, WordRole.Conjunction) || IsHyphen(k);

    private readonly bool IsHyphen(int k) => IsSymbol(k, '-') || IsSymbol(k, '‐') || IsSymbol(k, '‑') || IsSymbol(k, '–');

    private readonly bool IsSymbol(int k, char c) => k >= 0 && k < t.Length && t[k].IsSymbol(c);

    private readonly bool Is(int k, WordRole role) =>
        k >= 0 && k < t.Length && t[k].Kind == DateTokenKind.Word && lexicon.Has(t[k].Id, role);

    private static bool Valid(int year, int month, int day, out DateSpec spec)
    {
        var valid = year is >= MinYear and <= MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        spec = valid ? new DateSpec(DateAnchor.Absolute, Year: year, Month: month, Day: day) : default;
        return valid;
    }
}
