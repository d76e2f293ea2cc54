namespace AttributionTracker.Tests;

/// <summary>Files of the repository itself (seeds, the test corpus), found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string SeedArticle => Path("seeds", "000_040f3916e77781f6.txt");

    public static string Corpus(string file) => Path("tests", "corpus", file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AttributionTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AttributionTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
