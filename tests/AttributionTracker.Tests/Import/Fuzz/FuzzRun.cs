using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>
/// How every fuzz property runs: a fixed seed, so a failure seen once is seen again on every machine, and a fixed
/// number of cases, so the fuzz classes stay within about 40 seconds on an idle 2-core machine. For a long run,
/// <see cref="ScaleVariable"/> multiplies every count (same seed, more and more varied cases); to explore
/// other cases, change <see cref="Seed"/> locally. FsCheck prints the shrunk counterexample and its replay seed.
/// </summary>
internal static class FuzzRun
{
    public const ulong Seed = 20261129;

    /// <summary>A whole number that multiplies every property's case count, e.g. 10 for a long run; 1 when unset.</summary>
    public const string ScaleVariable = "ATTRIBUTION_FUZZ_SCALE";

    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), System.Globalization.CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;

    // Generous on purpose: this guards against a hang (catastrophic backtracking, an endless loop), not speed.
    // A normal article takes milliseconds; a 1 MB line well under a second.
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    public static void Check<T>(Gen<T> gen, int cases, Action<T> property, Func<T, IEnumerable<T>>? shrink = null)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases * Scale)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15), FSharpOption<int>.None)));
        var arb = shrink is null ? Arb.From(gen) : Arb.From(gen, shrink);
        Prop.ForAll(arb, property).Check(config);
    }

    /// <summary>Runs <paramref name="work"/> and fails the test if it has not finished within <see cref="HangGuard"/>.</summary>
    public static T WithinGuard<T>(Func<T> work, string what)
    {
        var task = Task.Run(work);
        if (!task.Wait(HangGuard))
        {
            Assert.Fail($"{what} did not finish within {HangGuard.TotalSeconds} s: a hang, not a slow run");
        }

        return task.Result;
    }
}
