using System.Diagnostics;

namespace AttributionTracker.Web;

/// <summary>Time since this process started, runtime start-up included, for the start-up log lines.</summary>
internal static class StartupClock
{
    private static readonly DateTime ProcessStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static TimeSpan Elapsed => DateTime.UtcNow - ProcessStart;

    /// <summary>When the host was built (set once by Program; the store check starts after it).</summary>
    public static TimeSpan HostBuilt { get; set; }
}
