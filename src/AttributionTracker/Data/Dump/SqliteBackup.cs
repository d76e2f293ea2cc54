using Microsoft.Data.Sqlite;

namespace AttributionTracker.Data.Dump;

/// <summary>
/// A consistent copy of a live SQLite store through SQLite's online backup: the copy is the database as it stood at one
/// moment, while other connections go on reading and writing. Written beside the target and moved into place only once
/// it passes an integrity check, so a failed backup leaves no half-written file.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Null when done; otherwise why nothing was written.</summary>
    public static string? Refusal(string outputPath, bool force) =>
        File.Exists(outputPath) && !force ? $"{outputPath} already exists; pass --force to replace it" :
        Directory.Exists(outputPath) ? $"{outputPath} is a folder; give a file name" : null;

    public static async Task BackupAsync(string sourceConnectionString, string outputPath, bool force, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var source = new SqliteConnection(sourceConnectionString))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);

                await using var check = copy.CreateCommand();
                check.CommandText = "PRAGMA integrity_check;";
                if (await check.ExecuteScalarAsync(cancellationToken) is not "ok")
                {
                    throw new InvalidOperationException("the copy failed SQLite's integrity check; the store itself may be damaged (run PRAGMA integrity_check on it)");
                }
            }

            File.Move(partial, target, overwrite: force);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
