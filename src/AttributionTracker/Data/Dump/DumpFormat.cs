namespace AttributionTracker.Data.Dump;

/// <summary>
/// The dump file: one JSON object, <c>{"format": "attribution-dump/1", "migration": "…", "excluded": {…}, "tables": [
/// {"name": "States", "rows": [{"Code": "GB", …}, …]}, …]}</c>, tables in foreign-key order, rows in key order, each row an
/// object of its columns.
/// </summary>
public static class DumpFormat
{
    public const string Version = "attribution-dump/1";
}
