namespace AttributionTracker.Cli.Tests;

/// <summary>A fresh folder under the system temp folder for one test (its data folder, its input files), removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        FullName = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "attribution-cli-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(FullName);
    }

    public string FullName { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([FullName, .. parts]);

    /// <summary>A sub-folder, created.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path(name)).FullName;

    /// <summary>
    /// A data folder whose store is as first start leaves it (a copy of <see cref="StoreTemplate"/>): a command run on it
    /// finds nothing new to load. For tests that need a store, not a first start.
    /// </summary>
    public string SeededStore(string name = "data")
    {
        var folder = Path(name);
        FolderStores.Seed(folder);
        return folder;
    }

    public string Copy(string source, string folder)
    {
        var target = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(source));
        File.Copy(source, target);
        return target;
    }

    public void Dispose()
    {
        FolderStores.DropUnder(FullName);
        try
        {
            Directory.Delete(FullName, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file on some systems; the temp folder is cleaned anyway.
        }
    }
}
