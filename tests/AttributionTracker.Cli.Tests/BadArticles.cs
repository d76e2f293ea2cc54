using System.Text;

namespace AttributionTracker.Cli.Tests;

/// <summary>Input the reader must refuse, written into a test's folder, with the reason a user should be given.</summary>
public static class BadArticles
{
    public const string Empty = "empty";
    public const string Png = "png";
    public const string Huge = "huge";
    public const string French = "french";
    public const string Missing = "missing";

    private const string FrenchText = """
        Le gouvernement accuse un groupe de pirates informatiques d'avoir attaqué les serveurs du ministère

        Le ministère des Affaires étrangères a déclaré mardi que les attaques contre ses serveurs de messagerie étaient
        l'œuvre d'un groupe lié aux services de renseignement d'un pays voisin. Selon le communiqué publié dans la soirée,
        les enquêteurs ont trouvé des traces laissées par les mêmes outils que ceux utilisés lors des intrusions de l'année
        dernière contre plusieurs entreprises du secteur de l'énergie.

        Le porte-parole du gouvernement a indiqué que la France ne pouvait pas laisser de telles actions sans réponse et
        que des mesures seraient prises avec ses partenaires européens. L'ambassade du pays mis en cause a rejeté ces
        accusations, qu'elle juge sans fondement, et a demandé que les preuves soient rendues publiques.

        Les spécialistes de la sécurité des systèmes d'information estiment que l'attaque a commencé au début du mois et
        qu'elle a permis aux pirates de lire pendant plusieurs semaines les courriers des diplomates. Aucune donnée classée
        secrète n'aurait été dérobée, selon les premiers éléments de l'enquête, mais les analyses se poursuivent.
        """;

    // The first bytes of a PNG image: signature, then the start of the IHDR chunk.
    private static readonly byte[] PngBytes =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5C, 0x72, 0xA8,
        0x66, 0x00, 0x00, 0x00, 0x01, 0x73, 0x52, 0x47, 0x42, 0x00, 0xAE, 0xCE, 0x1C, 0xE9, 0x00, 0x00,
    ];

    /// <summary>Writes the bad input <paramref name="kind"/> as <paramref name="fileName"/> in <paramref name="folder"/>.</summary>
    /// <returns>Its path and the reason the reader gives for refusing it.</returns>
    public static (string Path, string Reason) Create(string kind, string folder, string? fileName = null)
    {
        var path = Path.Combine(folder, fileName ?? kind + ".txt");
        switch (kind)
        {
            case Empty:
                File.WriteAllBytes(path, []);
                return (path, "the file is empty");
            case Png:
                File.WriteAllBytes(path, PngBytes);
                return (path, "binary file, not a text article");
            case Huge:
                WriteHuge(path, 20 * 1024 * 1024);
                return (path, "the file is 20 MB; articles over 5 MB are refused");
            case French:
                File.WriteAllText(path, FrenchText, Encoding.UTF8);
                return (path, "language not recognised as English or Spanish (looks like French)");
            case Missing:
                return (path, "no such file");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind of bad input");
        }
    }

    // Real text all the way, so only the size can be the reason it is refused.
    private static void WriteHuge(string path, int bytes)
    {
        var paragraph = Encoding.UTF8.GetBytes(File.ReadAllText(RepositoryFiles.Corpus("en_01_notpetya_russia.txt")) + "\n\n");
        using var stream = File.Create(path);
        for (var written = 0; written < bytes; written += paragraph.Length)
        {
            stream.Write(paragraph, 0, Math.Min(paragraph.Length, bytes - written));
        }
    }
}
