using AttributionTracker.Import.Mentions;
using System.Text.Json;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>The words the extractor reacts to, taken from its own data so the fuzzer hits the paths that matter.</summary>
internal static class FuzzLexicon
{
    public static readonly IReadOnlyList<string> Names = Load();

    public static readonly string[] Cues =
    [
        "accused", "blamed", "attributed", "was behind", "carried out by", "linked to", "denied", "rejected", "groundless",
        "said", "according to", "could not rule out", "declined to", "followed suit", "acusó a", "culpó", "atribuyó",
        "está detrás de", "asociado con", "negó", "rechazó", "infundadas", "dijo", "según", "no descartó", "se sumaron",
        "muy probable", "almost certainly", "with high confidence", "casi seguro", "highly likely", "probablemente",
        "attack", "hack", "breach", "campaign", "ataque", "ciberataque", "piratería", "espiar", "against", "contra",
    ];

    public static readonly string[] Dates =
    [
        "19 de julio de 2021", "March 2017", "en 2020", "el lunes", "last year", "two years ago", "a principios de marzo",
        "el año pasado", "2021-07-19", "31/12/1999", "250.000", "2,000 servers", "1e308", "-0", "0x7FFFFFFF", "29 February 2023",
    ];

    private static List<string> Load()
    {
        var lexicon = ImportLexicon.Default;
        var names = new List<string>();
        names.AddRange(lexicon.Actors.Take(300).SelectMany(a => a.Aliases.Prepend(a.Name)));
        names.AddRange(lexicon.States.SelectMany(s => new[] { s.NameEn, s.NameEs }));
        names.AddRange(lexicon.Parties.SelectMany(p => p.Aliases.Prepend(p.Name)));

        // Spanish aliases, demonyms and metonyms are only in the reference files.
        using var states = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("seeds", "reference", "states.json")));
        foreach (var state in states.RootElement.EnumerateArray())
        {
            foreach (var group in new[] { "demonyms", "metonyms" })
            {
                if (state.TryGetProperty(group, out var byLanguage))
                {
                    names.AddRange(byLanguage.EnumerateObject().SelectMany(l => l.Value.EnumerateArray()).Select(n => n.GetString()!));
                }
            }
        }

        return names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList();
    }
}
