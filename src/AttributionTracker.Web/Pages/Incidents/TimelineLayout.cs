using AttributionTracker.Domain;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>Sizes of the drawing, in SVG user units (CSS pixels at natural size).</summary>
public sealed record TimelineOptions
{
    public static readonly TimelineOptions Default = new();

    public double Width { get; init; } = 960;

    public double Margin { get; init; } = 16;

    /// <summary>Room above the first lane for the tick labels.</summary>
    public double AxisHeight { get; init; } = 40;

    public double LaneHeight { get; init; } = 26;

    public double MarkRadius { get; init; } = 6;

    public double FontSize { get; init; } = 13;

    /// <summary>Longer labels are cut with an ellipsis; the mark's title keeps the whole.</summary>
    public int MaxLabelChars { get; init; } = 72;

    /// <summary>At least this much space between two labels in one lane.</summary>
    public double Gap { get; init; } = 12;

    /// <summary>Tick labels need about this much room each.</summary>
    public double TickSpacing { get; init; } = 84;
}

/// <summary>
/// One statement on the timeline. A statement dated to a day is a point (<see cref="X1"/> = <see cref="X2"/>); one
/// dated to a month, a year or a part of one is a bar over that whole period, so it never claims a day it lacks.
/// </summary>
public sealed record TimelineMark(
    TimelineStatement Statement,
    double X1,
    double X2,
    int Lane,
    double Y,
    string Label,
    double LabelX,
    bool LabelBefore,
    TimelineBand Band)
{
    public int Id => Statement.Id;

    public bool IsExtent => X2 > X1;

    public bool IsDenial => Statement.Kind == StatementKind.Denial;

    public double CenterX => (X1 + X2) / 2;

    /// <summary>The stretch of its lane the mark and its label take.</summary>
    public (double Start, double End) Occupies(double radius, double labelWidth) =>
        LabelBefore ? (LabelX - labelWidth, X2 + radius) : (X1 - radius, LabelX + labelWidth);
}

/// <summary>A denial's (or a response's) line back to the statement it answers.</summary>
public sealed record TimelineLink(int FromId, int ToId, double X1, double Y1, double X2, double Y2)
{
    /// <summary>
    /// An SVG curve that keeps off the labels: bowing out to the left when the two marks are about the same day
    /// (so it does not run over the marks between them), arching over them otherwise. It starts and stops
    /// <paramref name="clearance"/> short of the marks so the arrowhead shows.
    /// </summary>
    public string Path(double clearance)
    {
        var sameDay = Math.Abs(X2 - X1) < 40;
        var cx = sameDay ? Math.Min(X1, X2) - 18 - (Math.Abs(Y2 - Y1) * 0.15) : (X1 + X2) / 2;
        var cy = sameDay ? (Y1 + Y2) / 2 : Math.Min(Y1, Y2) - 28;
        var (sx, sy) = Toward(X1, Y1, cx, cy, clearance);
        var (ex, ey) = Toward(X2, Y2, cx, cy, clearance);
        return FormattableString.Invariant($"M{sx:0.#},{sy:0.#} Q{cx:0.#},{cy:0.#} {ex:0.#},{ey:0.#}");
    }

    private static (double X, double Y) Toward(double x, double y, double tx, double ty, double distance)
    {
        var length = Math.Sqrt(((tx - x) * (tx - x)) + ((ty - y) * (ty - y)));
        return length < 1e-9 ? (x, y) : (x + ((tx - x) / length * distance), y + ((ty - y) / length * distance));
    }
}

/// <summary>The period the incident itself took, shaded behind the marks.</summary>
public sealed record TimelinePeriod(double X1, double X2, string Label);

/// <summary>
/// Where everything on an incident's timeline goes: plain data, so the Razor page only draws it and the rules
/// (order, lanes, extents, ticks) are tested without a browser. Marks are in date order, which is also the order a
/// keyboard user tabs through them. See docs/decisions/0010-server-rendered-timeline.md.
/// </summary>
public sealed record TimelineLayout(
    TimelineOptions Options,
    double Height,
    TimelineAxis? Axis,
    IReadOnlyList<double> TickXs,
    IReadOnlyList<TimelineMark> Marks,
    IReadOnlyList<TimelineLink> Links,
    TimelinePeriod? Incident,
    IReadOnlyList<TimelineStatement> Undated)
{
    public double Width => Options.Width;

    public int Lanes => Marks.Count == 0 ? 0 : Marks.Max(m => m.Lane) + 1;

    public static TimelineLayout Arrange(
        IEnumerable<TimelineStatement> statements, PartialDate? incidentStart = null, PartialDate? incidentEnd = null, TimelineOptions? options = null)
    {
        var o = options ?? TimelineOptions.Default;
        var all = statements.ToList();
        var dated = all.Where(s => s.Date is not null).OrderBy(s => s.Date).ThenBy(s => s.Id).ToList();
        var undated = all.Where(s => s.Date is null).OrderBy(s => s.Id).ToList();
        if (dated.Count == 0)
        {
            return new TimelineLayout(o, 0, null, [], [], [], null, undated);
        }

        var first = dated.Min(s => s.Date!.Start);
        var last = dated.Max(s => s.Date!.End);
        if (incidentStart is not null)
        {
            first = Min(first, incidentStart.Start);
            last = Max(last, (incidentEnd ?? incidentStart).End);
        }

        var plot = o.Width - (2 * o.Margin);
        var axis = TimelineAxis.Spanning(first, last, (int)(plot / o.TickSpacing));
        double X(DateOnly day) => o.Margin + (plot * (day.DayNumber - axis.From.DayNumber) / axis.Days);

        var placed = dated.Select(s => Place(s, X(s.Date!.Start), X(s.Date.End.AddDays(1)), s.Date.Precision == DatePrecision.Day, o)).ToList();
        var marks = AssignLanes(placed, o);
        var byId = marks.ToDictionary(m => m.Id);
        var links = marks
            .SelectMany(m => m.Statement.Answers.Where(byId.ContainsKey).Select(a => byId[a])
                .Select(to => new TimelineLink(m.Id, to.Id, m.CenterX, m.Y, Math.Clamp(m.CenterX, to.X1, to.X2), to.Y)))
            .ToList();
        var period = incidentStart is null
            ? null
            : new TimelinePeriod(X(incidentStart.Start), X((incidentEnd ?? incidentStart).End.AddDays(1)), "incident");
        var lanes = marks.Max(m => m.Lane) + 1;
        return new TimelineLayout(
            o, o.AxisHeight + (lanes * o.LaneHeight) + (o.LaneHeight / 2), axis, [.. axis.Ticks.Select(t => X(t.Day))], marks, links, period, undated);
    }

    /// <summary>Rough width of a label in the drawing's font, erring wide so that lanes never overlap.</summary>
    public static double LabelWidth(string label, double fontSize)
    {
        var em = label.Sum(c => c switch
        {
            'i' or 'l' or 'j' or 'I' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or ' ' => 0.35,
            'm' or 'w' or 'M' or 'W' or '→' => 0.95,
            _ when char.IsUpper(c) || char.IsDigit(c) => 0.72,
            _ => 0.6,
        });
        return em * fontSize;
    }

    private static TimelineMark Place(TimelineStatement s, double start, double end, bool point, TimelineOptions o)
    {
        var (x1, x2) = point ? ((start + end) / 2, (start + end) / 2) : Widen(start, end, o.MarkRadius);
        var label = Cut(s.Label, o.MaxLabelChars);
        var pad = o.MarkRadius + 4;
        var roomAfter = o.Width - o.Margin - (x2 + pad);
        var roomBefore = x1 - pad - o.Margin;
        var before = LabelWidth(label, o.FontSize) > roomAfter && roomBefore > roomAfter;
        label = Fit(label, before ? roomBefore : roomAfter, o.FontSize);
        return new TimelineMark(s, x1, x2, 0, 0, label, before ? x1 - pad : x2 + pad, before, TimelineBands.Of(s.Confidence));
    }

    // A bar narrower than a point's dot would read as a point; give it at least a dot's width, centred on its period.
    private static (double, double) Widen(double start, double end, double radius)
    {
        var middle = (start + end) / 2;
        return end - start >= 2 * radius ? (start, end) : (middle - radius, middle + radius);
    }

    /// <summary>
    /// Greedy interval colouring: taken by where they start, each mark goes into the first lane free there. For
    /// intervals this uses as few lanes as the most marks that overlap at one x, so a crowded day grows the drawing
    /// only as much as it must.
    /// </summary>
    private static List<TimelineMark> AssignLanes(List<TimelineMark> marks, TimelineOptions o)
    {
        var laneEnds = new List<double>();
        var lanes = new Dictionary<int, int>();
        foreach (var (mark, span) in marks
            .Select(m => (Mark: m, Span: m.Occupies(o.MarkRadius, LabelWidth(m.Label, o.FontSize))))
            .OrderBy(m => m.Span.Start).ThenBy(m => m.Mark.Statement.Date).ThenBy(m => m.Mark.Id))
        {
            var lane = laneEnds.FindIndex(end => end + o.Gap <= span.Start);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(span.End);
            }
            else
            {
                laneEnds[lane] = span.End;
            }

            lanes[mark.Id] = lane;
        }

        return [.. marks.Select(m => m with { Lane = lanes[m.Id], Y = o.AxisHeight + ((lanes[m.Id] + 0.5) * o.LaneHeight) })];
    }

    private static string Cut(string label, int max) => label.Length <= max ? label : label[..(max - 1)].TrimEnd() + "…";

    private static string Fit(string label, double room, double fontSize)
    {
        while (label.Length > 2 && LabelWidth(label, fontSize) > room)
        {
            label = label[..^2].TrimEnd() + "…";
        }

        return label;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
