using System.Diagnostics;

namespace AttributionTracker.Web;

/// <summary>Time since this process started, runtime start-up included, for the start-up log lines.</summary>
internal static class StartupClock
{
    private static readonly DateTime ProcessStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static TimeSpan Elapsed => DateTime.UtcNow - ProcessStart;
}
