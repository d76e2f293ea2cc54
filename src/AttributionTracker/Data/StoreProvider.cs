namespace AttributionTracker.Data;

/// <summary>The database engine behind the store, chosen by <c>Database:Provider</c>.</summary>
public enum StoreProvider
{
    /// <summary>One file in the data folder; nothing to install or run.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server named by <c>Database:ConnectionString</c>.</summary>
    Postgres,
}
