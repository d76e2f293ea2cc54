using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using AttributionTracker.Data;
using AttributionTracker.Import;
using AttributionTracker.Import.Dates;
using AttributionTracker.Import.Mentions;
using AttributionTracker.Import.Reading;
using AttributionTracker.Import.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands;

/// <summary>
/// Times the extractor on one thread over articles of about the same size, so figures from different machines and
/// versions compare. A benchmark, not a test: it asserts nothing and no test depends on its timings.
/// </summary>
internal sealed class BenchCommand(IAnsiConsole console) : Command<BenchCommand.Settings>
{
    private const double TargetPerSecond = 1_000;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[DIR]")]
        [Description("A folder of .txt articles (default: tests/corpus of the repository around the current folder, else the seeds folder).")]
        public string? Folder { get; init; }

        [CommandOption("--seconds <N>")]
        [Description("How long each figure is measured, after a warm-up.")]
        [DefaultValue(10.0)]
        public double Seconds { get; init; } = 10;

        [CommandOption("--size <BYTES>")]
        [Description("The size every article is padded (by repeating it) or trimmed to, in UTF-8 bytes.")]
        [DefaultValue(4096)]
        public int Size { get; init; } = 4096;

        public override ValidationResult Validate() =>
            Seconds is > 0 and <= 3600 ? Size is >= 256 and <= ArticleReader.MaxBytes ? ValidationResult.Success()
                : ValidationResult.Error("--size must be between 256 and 5242880 bytes.")
                : ValidationResult.Error("--seconds must be more than 0 and at most 3600.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var folder = settings.Folder ?? DefaultFolder();
        if (!Directory.Exists(folder))
        {
            console.MarkupLineInterpolated($"[red]error:[/] {folder}: no such folder");
            return 1;
        }

        var samples = new List<Sample>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            try
            {
                samples.Add(Sample.From(file, settings.Size));
            }
            catch (ArticleReadException e)
            {
                console.MarkupLineInterpolated($"[yellow]skipped:[/] {e.Message}");
            }
        }

        if (samples.Count == 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {folder}: no .txt article to time");
            return 1;
        }

        var duration = TimeSpan.FromSeconds(settings.Seconds);
        var warmUp = TimeSpan.FromSeconds(Math.Clamp(settings.Seconds / 4, 0.5, 5));
        var stagesDuration = TimeSpan.FromSeconds(Math.Max(settings.Seconds / 2, 0.2));

        // A report to read and paste into docs/benchmarks.md: plain Markdown lines, never wrapped at the console's width.
        var output = console.Profile.Out.Writer;
        void Line(FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));

        Line($"Extractor benchmark: {samples.Count} articles from {Path.GetFullPath(folder)}, each padded (by repeating it) or trimmed to ~{settings.Size} bytes");
        Line($"(mean {samples.Average(s => s.Bytes.Length):0} bytes, {samples.Average(s => s.Article.Text.Length):0} characters as read). One thread; {warmUp.TotalSeconds:0.#} s warm-up, then {duration.TotalSeconds:0.#} s per figure.");
        Line($".NET {Environment.Version}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} processors, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {BuildConfiguration} build.");
        if (BuildConfiguration != "Release")
        {
            Line($"warning: not a Release build; run with -c Release for figures worth comparing.");
        }

        output.WriteLine();

        static int ExtractOnly(Sample s) => Extractor.Extract(s.Article.Text, s.Article.Language, s.Article.Title, s.Article.PublishedOn).Statements.Count;
        static int ReadAndExtract(Sample s)
        {
            var article = ArticleReader.Read(s.Bytes, s.Name);
            return Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn).Statements.Count;
        }

        // Both loops warm up before either is timed, so neither figure pays for the JIT tiering up shared code.
        WarmUp(samples, [ExtractOnly, ReadAndExtract], warmUp);
        var extract = Measure(samples, ExtractOnly, duration, cancellationToken);
        var readExtract = Measure(samples, ReadAndExtract, duration, cancellationToken);
        var stages = MeasureStages(samples, stagesDuration, cancellationToken);
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        Line($"| figure | articles | articles/s | mean µs | p50 µs | p99 µs | max µs | KB allocated/article | GCs gen0/1/2 | CPU time / wall time |");
        Line($"|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        Line(Row("Extractor.Extract", extract));
        Line(Row("ArticleReader.Read + Extract", readExtract));
        output.WriteLine();
        Line($"Peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):0.0} MB");
        output.WriteLine();

        Line($"Per-stage breakdown: {stages.Articles:N0} articles over {stagesDuration.TotalSeconds:0.#} s, each stage timed on its own through its public entry point, then the whole Extract.");
        Line($"\"statements\" is the whole Extract less the four stages before it: incident phrases, statement patterns, denial links and the output, which are internal.");
        output.WriteLine();
        Line($"| stage | mean µs | share of Extract |");
        Line($"|---|--:|--:|");
        foreach (var (stage, micros) in stages.Rows)
        {
            Line($"| {stage} | {micros:N0} | {micros / stages.ExtractMicros:P1} |");
        }

        Line($"| Extract (whole) | {stages.ExtractMicros:N0} | 100.0 % |");
        Line($"| read (ArticleReader.Read from bytes, not part of Extract) | {stages.ReadMicros:N0} | |");
        output.WriteLine();

        var rate = extract.PerSecond;
        if (rate >= TargetPerSecond)
        {
            Line($"Target {TargetPerSecond:N0} articles/s (extraction only, one thread): met, {rate / TargetPerSecond:0.00}x.");
        }
        else
        {
            Line($"Target {TargetPerSecond:N0} articles/s (extraction only, one thread): missed; {rate:N0}/s is {1 - (rate / TargetPerSecond):P0} short ({TargetPerSecond / rate:0.00}x too slow).");
        }
        return 0;
    }

    private static string BuildConfiguration { get; } =
        typeof(BenchCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";

    private static FormattableString Row(string name, Measurement m) =>
        $"| {name} | {m.Articles:N0} | {m.PerSecond:N0} | {m.MeanMicros:N0} | {m.P50Micros:N0} | {m.P99Micros:N0} | {m.MaxMicros:N0} | {m.AllocatedBytesPerArticle / 1024:N0} | {m.Gen0}/{m.Gen1}/{m.Gen2} | {m.CpuPerWall:0.00} |";

    private static double ToMicros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    // Every article several times over, so the JIT has tiered up (with its profile-guided pass) what the loops run.
    private static void WarmUp(List<Sample> samples, Func<Sample, int>[] works, TimeSpan warmUp)
    {
        var sink = 0;
        var end = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        for (var pass = 0; pass < 5 || Stopwatch.GetTimestamp() < end; pass++)
        {
            foreach (var work in works)
            {
                foreach (var sample in samples)
                {
                    sink += work(sample);
                }
            }
        }

        GC.KeepAlive(sink);
    }

    private static Measurement Measure(List<Sample> samples, Func<Sample, int> work, TimeSpan duration, CancellationToken cancellationToken)
    {
        var sink = 0;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var times = new List<long>(capacity: 1 << 16);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = CpuTime();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var now = start;
        for (var i = 0; now < end && !cancellationToken.IsCancellationRequested; i++)
        {
            var sample = samples[i % samples.Count];
            sink += work(sample);
            var after = Stopwatch.GetTimestamp();
            times.Add(after - now);
            now = after;
        }

        var wall = now - start;
        var cpuUsed = CpuTime() - cpu;
        var allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        GC.KeepAlive(sink);

        times.Sort();
        return new Measurement(
            times.Count,
            times.Count / (wall / (double)Stopwatch.Frequency),
            ToMicros(wall) / times.Count,
            ToMicros(Percentile(times, 0.50)),
            ToMicros(Percentile(times, 0.99)),
            ToMicros(times[^1]),
            allocatedBytes / (double)times.Count,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            cpuUsed.TotalSeconds / (wall / (double)Stopwatch.Frequency));
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long Percentile(List<long> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>
    /// The stages Extractor.Extract runs first, called one by one through their public entry points; the rest of
    /// Extract (incident phrases, statement patterns, denial links, building the output) is internal, so it is
    /// measured as what the whole Extract takes beyond them.
    /// </summary>
    private static StageTimes MeasureStages(List<Sample> samples, TimeSpan duration, CancellationToken cancellationToken)
    {
        var names = ImportLexicon.Default;
        var totals = new long[6];
        var articles = 0;
        var sink = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
        {
            foreach (var sample in samples)
            {
                var r0 = Stopwatch.GetTimestamp();
                var read = ArticleReader.Read(sample.Bytes, sample.Name);
                totals[5] += Stopwatch.GetTimestamp() - r0;
                var (text, language) = (read.Text, read.Language);
                var reference = sample.Article.PublishedOn is { Precision: Domain.DatePrecision.Day } published ? published.Start : (DateOnly?)null;
                var t0 = Stopwatch.GetTimestamp();
                var tokens = Tokenizer.Tokenize(text);
                var t1 = Stopwatch.GetTimestamp();
                var sentences = SentenceSplitter.Split(text, tokens);
                var t2 = Stopwatch.GetTimestamp();
                var mentions = MentionFinder.Find(text, tokens, names);
                var t3 = Stopwatch.GetTimestamp();
                var dates = DateExpressions.Find(text, 0, text.Length, language, reference);
                var t4 = Stopwatch.GetTimestamp();
                var extraction = Extractor.Extract(text, language, sample.Article.Title, sample.Article.PublishedOn, names);
                var t5 = Stopwatch.GetTimestamp();
                totals[0] += t1 - t0;
                totals[1] += t2 - t1;
                totals[2] += t3 - t2;
                totals[3] += t4 - t3;
                totals[4] += t5 - t4;
                sink += read.Text.Length + sentences.Count + mentions.Count + dates.Count + extraction.Statements.Count;
                articles++;
            }
        }

        GC.KeepAlive(sink);
        double Mean(long ticks) => ToMicros(ticks) / articles;
        var whole = Mean(totals[4]);
        var before = Mean(totals[0] + totals[1] + totals[2] + totals[3]);
        return new StageTimes(
            articles,
            [
                ("tokenize (Tokenizer)", Mean(totals[0])),
                ("sentences (SentenceSplitter)", Mean(totals[1])),
                ("mentions (MentionFinder)", Mean(totals[2])),
                ("dates (DateExpressions)", Mean(totals[3])),
                ("statements (incidents, statement patterns, denials, output)", whole - before),
            ],
            whole,
            Mean(totals[5]));
    }

    // Where an engineer runs it: the repository's test corpus if the current folder is inside the repository.
    private static string DefaultFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var corpus = Path.Combine(dir.FullName, "tests", "corpus");
                if (File.Exists(Path.Combine(dir.FullName, "AttributionTracker.sln")) && Directory.Exists(corpus))
                {
                    return corpus;
                }
            }
        }

        return new StoreOptions().ResolveSeedsFolder();
    }

    private sealed record Measurement(
        int Articles, double PerSecond, double MeanMicros, double P50Micros, double P99Micros, double MaxMicros,
        double AllocatedBytesPerArticle, int Gen0, int Gen1, int Gen2, double CpuPerWall);

    private sealed record StageTimes(int Articles, IReadOnlyList<(string Stage, double Micros)> Rows, double ExtractMicros, double ReadMicros);

    /// <summary>An article at the benchmark's size: its bytes (for the read figure) and its text as read (for extraction alone).</summary>
    private sealed record Sample(string Name, byte[] Bytes, ArticleText Article)
    {
        public static Sample From(string file, int size)
        {
            var text = ArticleReader.ReadFile(file).Text;
            var bytes = Encoding.UTF8.GetBytes(Resize(text, size));
            var name = Path.GetFileName(file);
            return new Sample(name, bytes, ArticleReader.Read(bytes, name));
        }

        // Repeats the article, paragraph break between copies, until it is long enough, then cuts at the last
        // sentence end (or space) within the size, so no copy ends in the middle of a word.
        private static string Resize(string text, int size)
        {
            var builder = new StringBuilder(text);
            while (Encoding.UTF8.GetByteCount(builder.ToString()) < size)
            {
                builder.Append("\n\n").Append(text);
            }

            var all = builder.ToString();
            var cut = 0;
            for (var bytes = 0; cut < all.Length; cut++)
            {
                var width = char.IsHighSurrogate(all[cut]) ? 4 : char.IsLowSurrogate(all[cut]) ? 0 : Encoding.UTF8.GetByteCount(all.AsSpan(cut, 1));
                if (bytes + width > size)
                {
                    break;
                }

                bytes += width;
            }

            var head = all.AsSpan(0, cut);
            var sentenceEnd = Math.Max(head.LastIndexOf(". "), head.LastIndexOf('\n'));
            var end = sentenceEnd >= cut * 3 / 4 ? sentenceEnd + 1 : Math.Max(head.LastIndexOf(' '), 1);
            return all[..end].TrimEnd();
        }
    }
}
