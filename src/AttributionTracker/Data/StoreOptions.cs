namespace AttributionTracker.Data;

/// <summary>The "Database" configuration section.</summary>
public sealed class StoreOptions
{
    public const string Section = "Database";

    /// <summary>The engine: <see cref="StoreProvider.Sqlite"/> (the default) or <see cref="StoreProvider.Postgres"/>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// Where the SQLite file (and, by default, the logs) live. Empty means the per-user application data folder
    /// (<c>~/.local/share/AttributionTracker</c> on Linux), so the web app and the command line find the same store
    /// whatever directory they are started from. Relative paths are taken from the current directory.
    /// </summary>
    public string? DataFolder { get; set; }

    /// <summary>
    /// A full connection string; when empty, <c>{DataFolder}/attribution.db</c> is used on SQLite. PostgreSQL has
    /// no default: it needs one (<c>Host=…;Database=…;Username=…;Password=…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder of seed articles and reference files loaded at first start; defaults to the <c>seeds</c> folder shipped beside the program.</summary>
    public string? SeedsFolder { get; set; }

    /// <summary>Load reference data and seed articles when the store is first created or they change.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <exception cref="StoreUnavailableException">PostgreSQL is chosen and no connection string is set.</exception>
    public string ResolveConnectionString() => (Provider, string.IsNullOrWhiteSpace(ConnectionString)) switch
    {
        (_, false) => ConnectionString!,
        (StoreProvider.Postgres, true) => throw new StoreUnavailableException(
            "Database:Provider is Postgres but Database:ConnectionString is empty: set it, e.g. Database__ConnectionString='Host=127.0.0.1;Database=attribution;Username=attribution;Password=…'."),
        _ => $"Data Source={Path.Combine(ResolveDataFolder(), "attribution.db")}",
    };

    public string ResolveDataFolder() =>
        string.IsNullOrWhiteSpace(DataFolder)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "AttributionTracker")
            : Path.GetFullPath(DataFolder);

    public string ResolveSeedsFolder() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(SeedsFolder) ? Path.Combine(AppContext.BaseDirectory, "seeds") : SeedsFolder);
}
