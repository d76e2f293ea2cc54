using System.Text;

namespace AttributionTracker.Tests.Import.Reading;

/// <summary>Article text for the reader's tests: paragraphs of the seed and corpus articles, and foreign-language decoys.</summary>
internal static class Samples
{
    public const string French =
        "Le gouvernement britannique a accusé jeudi le renseignement militaire russe d'être à l'origine de la cyberattaque qui a "
        + "paralysé des entreprises dans toute l'Europe. Selon le ministre, les pirates ont agi pour le compte de l'État russe et "
        + "leur attaque visait avant tout les réseaux ukrainiens, avant de se propager dans le monde entier.";

    public const string German =
        "Die britische Regierung hat am Donnerstag den russischen Militärgeheimdienst für den Cyberangriff verantwortlich gemacht, "
        + "der im vergangenen Jahr Unternehmen in ganz Europa lahmgelegt hatte. Nach Angaben des Ministers handelten die Angreifer "
        + "im Auftrag des russischen Staates, und ihr Angriff richtete sich vor allem gegen ukrainische Netze.";

    public const string Portuguese =
        "O governo britânico acusou na quinta-feira o serviço de inteligência militar russo de estar por trás do ataque informático "
        + "que paralisou empresas em toda a Europa no ano passado. Segundo o ministro, os piratas agiram em nome do Estado russo e o "
        + "ataque foi dirigido sobretudo contra as redes ucranianas, mas não só.";

    public const string Italian =
        "Il governo britannico ha accusato giovedì i servizi segreti militari russi di essere dietro l'attacco informatico che ha "
        + "paralizzato aziende in tutta Europa l'anno scorso. Secondo il ministro, gli hacker hanno agito per conto dello Stato russo "
        + "e l'attacco era diretto soprattutto contro le reti ucraine.";

    /// <summary>The first paragraphs of the Spanish seed article (copied to the test output by Seeds.targets).</summary>
    public static string Spanish(int paragraphs = 2) =>
        FirstParagraphs(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_040f3916e77781f6.txt")), paragraphs);

    /// <summary>The first paragraphs of the first English corpus article.</summary>
    public static string English(int paragraphs = 2) =>
        FirstParagraphs(File.ReadAllText(Directory.GetFiles(CorpusFolder, "en_01_*.txt").Single()), paragraphs);

    /// <summary>Plain-text English article of exactly <paramref name="bytes"/> UTF-8 bytes, paragraphs repeated as needed.</summary>
    public static string EnglishOfSize(int bytes)
    {
        var all = English(paragraphs: 100);
        if (!Ascii.IsValid(all))
        {
            throw new InvalidOperationException("The English sample must be ASCII for its length in chars to be its length in bytes.");
        }

        var sb = new StringBuilder(all, bytes + all.Length);
        while (sb.Length < bytes)
        {
            sb.Append("\n\n").Append(all);
        }

        return sb.ToString(0, bytes);
    }

    private static string CorpusFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var corpus = Path.Combine(dir.FullName, "tests", "corpus");
                if (Directory.Exists(corpus))
                {
                    return corpus;
                }
            }

            throw new DirectoryNotFoundException("tests/corpus not found above " + AppContext.BaseDirectory);
        }
    }

    private static string FirstParagraphs(string text, int count) =>
        string.Join("\n\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Take(count));
}
