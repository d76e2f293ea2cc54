using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Incidents;

namespace AttributionTracker.Web.Tests.Incidents;

public sealed class TimelineLayoutTests
{
    private static readonly TimelineOptions Options = TimelineOptions.Default;

    [Fact]
    public void Marks_come_in_date_order_whatever_order_the_statements_came_in()
    {
        var layout = TimelineLayout.Arrange(
        [
            Statement(3, "2021-07-19"),
            Statement(1, "2021-03-02"),
            Statement(2, "2021-03"),
            Statement(4, "2021-03-02"),
        ]);

        // "March 2021" begins on the 1st, so it comes before the 2nd.
        Assert.Equal([2, 1, 4, 3], layout.Marks.Select(m => m.Id));
        Assert.True(layout.Marks[0].CenterX < layout.Marks[3].CenterX);
    }

    [Fact]
    public void A_date_known_to_the_day_is_a_point_and_a_vaguer_one_a_bar_over_its_whole_period()
    {
        var layout = TimelineLayout.Arrange(
        [
            Statement(1, "2021-03-19"),
            Statement(2, "2021-03"),
            Statement(3, "early 2021-03"),
            Statement(4, "2021-06-30"),
        ]);
        var day = Mark(layout, 1);
        var march = Mark(layout, 2);
        var earlyMarch = Mark(layout, 3);

        Assert.False(day.IsExtent);
        Assert.True(march.IsExtent);
        Assert.True(earlyMarch.IsExtent);
        Assert.InRange(day.CenterX, march.X1, march.X2);
        Assert.Equal(march.X1, earlyMarch.X1, 6);
        Assert.True(earlyMarch.X2 < day.X1, "early March ends before the 19th");
        var perDay = (Mark(layout, 4).CenterX - day.CenterX) / 103;
        Assert.Equal(31 * perDay, march.X2 - march.X1, 1);
    }

    [Fact]
    public void A_year_on_a_long_axis_spans_the_year()
    {
        var layout = TimelineLayout.Arrange([Statement(1, "2016"), Statement(2, "2021-07-19")]);
        var year = Mark(layout, 1);
        var tick2016 = layout.Axis!.Ticks.ToList().FindIndex(t => t.Label == "2016");
        var tick2017 = layout.Axis.Ticks.ToList().FindIndex(t => t.Label == "2017");

        Assert.Equal(layout.TickXs[tick2016], year.X1, 6);
        Assert.Equal(layout.TickXs[tick2017], year.X2, 6);
    }

    [Fact]
    public void No_two_labels_in_a_lane_overlap()
    {
        var statements = Enumerable.Range(1, 60)
            .Select(i => Statement(i, $"2021-{1 + (i % 6):D2}-{1 + (i % 27):D2}", party: $"Party number {i} with a long name", accused: "HAFNIUM"))
            .ToList();

        var layout = TimelineLayout.Arrange(statements);

        AssertNoOverlap(layout);
        Assert.All(layout.Marks, m => Assert.InRange(m.Y, Options.AxisHeight, layout.Height));
    }

    [Fact]
    public void Labels_stay_inside_the_drawing()
    {
        var layout = TimelineLayout.Arrange(
        [
            Statement(1, "2019-01-01", party: "Federal Bureau of Investigation", accused: "Lazarus Group"),
            Statement(2, "2021-07-19", party: "National Cyber Security Centre", accused: "Ministry of State Security"),
        ]);

        foreach (var mark in layout.Marks)
        {
            var (start, end) = mark.Occupies(Options.MarkRadius, TimelineLayout.LabelWidth(mark.Label, Options.FontSize));
            Assert.InRange(start, 0, Options.Width);
            Assert.InRange(end, 0, Options.Width);
        }

        Assert.True(Mark(layout, 2).LabelBefore, "the last mark's label goes to its left, where there is room");
        Assert.False(Mark(layout, 1).LabelBefore);
    }

    [Fact]
    public void A_single_statement_sits_inside_an_axis_with_ticks_around_it()
    {
        var layout = TimelineLayout.Arrange([Statement(7, "2021-07-19")]);

        var mark = Assert.Single(layout.Marks);
        Assert.Equal(0, mark.Lane);
        Assert.InRange(mark.CenterX, Options.Margin + 1, Options.Width - Options.Margin - 1);
        Assert.True(layout.Axis!.Ticks.Count >= 2);
        Assert.Contains(layout.Axis.Ticks, t => t.Label.Contains("2021", StringComparison.Ordinal));
    }

    [Fact]
    public void Statements_all_on_one_day_each_get_their_own_lane_at_the_same_x()
    {
        var layout = TimelineLayout.Arrange(Enumerable.Range(1, 8).Select(i => Statement(i, "2021-07-19")));

        Assert.Equal(8, layout.Lanes);
        Assert.Single(layout.Marks.Select(m => m.CenterX).Distinct());
        Assert.Equal(8, layout.Marks.Select(m => m.Lane).Distinct().Count());
        Assert.Contains(layout.Axis!.Ticks, t => t.Label.StartsWith("19 Jul", StringComparison.Ordinal));
    }

    [Fact]
    public void Marks_far_apart_share_a_lane()
    {
        var layout = TimelineLayout.Arrange([Statement(1, "2010-01-05", party: "EU"), Statement(2, "2021-07-19", party: "EU")]);

        Assert.Equal(1, layout.Lanes);
    }

    [Fact]
    public void Undated_statements_are_listed_apart_and_not_drawn()
    {
        var layout = TimelineLayout.Arrange([Statement(2, null), Statement(1, "2021-07-19"), Statement(3, null)]);

        Assert.Equal([1], layout.Marks.Select(m => m.Id));
        Assert.Equal([2, 3], layout.Undated.Select(s => s.Id));
    }

    [Fact]
    public void Only_undated_statements_make_no_drawing()
    {
        var layout = TimelineLayout.Arrange([Statement(1, null)]);

        Assert.Empty(layout.Marks);
        Assert.Null(layout.Axis);
        Assert.Single(layout.Undated);
    }

    [Theory]
    [InlineData("2021-07-01", "2021-07-19", "d MMM")]
    [InlineData("2021-01-10", "2021-07-19", "MMM")]
    [InlineData("2017-05-01", "2021-07-19", "yyyy")]
    [InlineData("1990-01-01", "2021-07-19", "yyyy")]
    public void Ticks_step_by_calendar_units_fine_enough_yet_never_crowded(string from, string to, string format)
    {
        var layout = TimelineLayout.Arrange([Statement(1, from), Statement(2, to)]);
        var ticks = layout.Axis!.Ticks;

        Assert.InRange(ticks.Count, 2, (int)((Options.Width - (2 * Options.Margin)) / Options.TickSpacing));
        Assert.Equal(ticks.OrderBy(t => t.Day), ticks);
        Assert.All(ticks, t => Assert.InRange(t.Day, layout.Axis.From, layout.Axis.To));
        Assert.Matches("[0-9]{4}", ticks[0].Label);
        var expectedWidth = format switch { "yyyy" => 4, "MMM" => 3, _ => 6 };
        Assert.Contains(ticks, t => t.Label.Length <= expectedWidth);
        Assert.All(layout.TickXs.Zip(layout.TickXs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Options.TickSpacing * 0.5));
    }

    [Fact]
    public void A_new_year_is_a_major_tick_and_is_named()
    {
        var layout = TimelineLayout.Arrange([Statement(1, "2020-09-01"), Statement(2, "2021-07-19")]);

        var newYear = Assert.Single(layout.Axis!.Ticks, t => t.Major);
        Assert.Equal(new DateOnly(2021, 1, 1), newYear.Day);
        Assert.Equal("Jan 2021", newYear.Label);
    }

    [Fact]
    public void A_denial_is_linked_to_each_attribution_it_answers_that_is_shown()
    {
        var layout = TimelineLayout.Arrange(
        [
            Statement(1, "2021-07-19", accused: "China"),
            Statement(2, "2021-07-19", accused: "APT31"),
            Statement(3, "2021-07-20", party: "China", kind: StatementKind.Denial, answers: [1, 2, 99]),
        ]);

        var denial = Mark(layout, 3);
        Assert.True(denial.IsDenial);
        Assert.Equal("China denies", denial.Label);
        Assert.Equal([(3, 1), (3, 2)], layout.Links.Select(l => (l.FromId, l.ToId)).Order());
        var link = layout.Links.Single(l => l.ToId == 2);
        Assert.Equal((denial.CenterX, denial.Y, Mark(layout, 2).CenterX, Mark(layout, 2).Y), (link.X1, link.Y1, link.X2, link.Y2));
    }

    [Fact]
    public void The_incident_period_widens_the_axis_and_is_shaded()
    {
        var layout = TimelineLayout.Arrange([Statement(1, "2021-07-19")], PartialDate.Parse("2020"));

        Assert.NotNull(layout.Incident);
        Assert.True(layout.Incident.X2 < Mark(layout, 1).CenterX);
        Assert.Contains(layout.Axis!.Ticks, t => t.Label.Contains("2020", StringComparison.Ordinal));
    }

    [Fact]
    public void Hundreds_of_statements_get_lanes_without_overlap_and_no_more_lanes_than_the_busiest_moment_needs()
    {
        var start = new DateOnly(2015, 1, 1);
        var statements = Enumerable.Range(1, 400)
            .Select(i => Statement(i, start.AddDays(i * 7 % 2500).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                party: i % 3 == 0 ? "National Cyber Security Centre" : "EU", accused: i % 2 == 0 ? "APT28" : null))
            .ToList();

        var layout = TimelineLayout.Arrange(statements);

        Assert.Equal(400, layout.Marks.Count);
        AssertNoOverlap(layout);
        Assert.True(layout.Lanes < 400, $"{layout.Lanes} lanes for 400 statements spread over seven years");
        Assert.Equal(layout.Marks.OrderBy(m => m.Statement.Date).ThenBy(m => m.Id).Select(m => m.Id), layout.Marks.Select(m => m.Id));
    }

    [Fact]
    public void Long_labels_are_cut_with_an_ellipsis()
    {
        var layout = TimelineLayout.Arrange([Statement(1, "2021-07-19", party: new string('x', 200), accused: "APT40")]);

        Assert.EndsWith("…", Mark(layout, 1).Label, StringComparison.Ordinal);
        Assert.True(Mark(layout, 1).Label.Length <= Options.MaxLabelChars);
    }

    [Theory]
    [InlineData(null, TimelineBand.NotStated)]
    [InlineData(ConfidenceLevel.RemoteChance, TimelineBand.Low)]
    [InlineData(ConfidenceLevel.Unlikely, TimelineBand.Low)]
    [InlineData(ConfidenceLevel.RealisticPossibility, TimelineBand.Moderate)]
    [InlineData(ConfidenceLevel.Likely, TimelineBand.Moderate)]
    [InlineData(ConfidenceLevel.HighlyLikely, TimelineBand.High)]
    [InlineData(ConfidenceLevel.AlmostCertain, TimelineBand.High)]
    public void The_seven_ranks_fall_into_three_bands_and_none_stated(ConfidenceLevel? level, TimelineBand band)
    {
        Assert.Equal(band, TimelineBands.Of(level));
        var layout = TimelineLayout.Arrange([Statement(1, "2021-07-19", confidence: level)]);
        Assert.Equal(band, Mark(layout, 1).Band);
    }

    [Fact]
    public void Each_band_names_the_yardstick_terms_it_takes()
    {
        Assert.Equal("highly likely, almost certain", TimelineBand.High.Terms());
        Assert.Equal("realistic possibility, likely", TimelineBand.Moderate.Terms());
        Assert.Equal("remote chance, highly unlikely, unlikely", TimelineBand.Low.Terms());
        Assert.Equal(4, TimelineBands.All.Select(b => b.CssClass()).Distinct().Count());
    }

    private static void AssertNoOverlap(TimelineLayout layout)
    {
        foreach (var lane in layout.Marks.GroupBy(m => m.Lane))
        {
            var spans = lane.Select(m => m.Occupies(Options.MarkRadius, TimelineLayout.LabelWidth(m.Label, Options.FontSize))).OrderBy(s => s.Start).ToList();
            Assert.All(spans.Zip(spans.Skip(1)), pair => Assert.True(pair.First.End < pair.Second.Start, $"lane {lane.Key}: {pair.First} overlaps {pair.Second}"));
        }

        Assert.All(layout.Marks.GroupBy(m => m.Lane), lane => Assert.Single(lane.Select(m => m.Y).Distinct()));
    }

    private static TimelineMark Mark(TimelineLayout layout, int id) => layout.Marks.Single(m => m.Id == id);

    private static TimelineStatement Statement(
        int id, string? date, string party = "National Cyber Security Centre", string? accused = "HAFNIUM",
        StatementKind kind = StatementKind.Attribution, ConfidenceLevel? confidence = ConfidenceLevel.HighlyLikely, int[]? answers = null) =>
        new(id, kind, date is null ? null : PartialDate.Parse(date), [party], accused, confidence, answers ?? []);
}
