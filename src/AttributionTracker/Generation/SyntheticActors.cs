using System.Globalization;
using AttributionTracker.Domain;

namespace AttributionTracker.Generation;

/// <summary>
/// Makes up threat groups the way vendors name them: a two-word name ("Crimson Lynx") or a code ("UNC3412"), with
/// aliases from other naming schemes (a code, a weather name, the Spanish rendering of the two words).
/// </summary>
internal sealed class SyntheticActors(Vocabulary words, IReadOnlyDictionary<string, GenState> states, Random random, HashSet<string> slugs)
{
    private readonly WeightedChoice sponsors = new([.. words.SponsorStates.Select(s => s.Weight)]);
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private int code = 100;

    public GenActor Next(int id)
    {
        var word = words.ActorNames.Words[random.Next(words.ActorNames.Words.Count)];
        var animal = words.ActorNames.Animals[random.Next(words.ActorNames.Animals.Count)];
        var twoWords = Unique($"{word[Languages.English]} {animal[Languages.English]}");
        var codeName = NextCode();
        var useCode = random.NextDouble() < 0.4;
        var name = useCode ? codeName : twoWords;

        var aliases = new List<(string Name, string? Language)> { (useCode ? twoWords : codeName, null) };
        aliases.Add(($"{animal[Languages.Spanish]} {word[Languages.Spanish]}", Languages.Spanish));
        if (random.NextDouble() < 0.6)
        {
            aliases.Add((Unique($"{word[Languages.English]} {words.ActorNames.VendorSuffixes[random.Next(words.ActorNames.VendorSuffixes.Count)]}"), null));
        }

        if (random.NextDouble() < 0.3)
        {
            aliases.Add((NextCode(), null));
        }

        var sponsor = words.SponsorStates[sponsors.Next(random)].Code;
        var keys = new HashSet<string>(StringComparer.Ordinal) { TextFolding.Key(name) };
        return new GenActor(id, name, Allocate(name, slugs), states.ContainsKey(sponsor) ? sponsor : null,
            [.. aliases.Where(a => keys.Add(TextFolding.Key(a.Name)))], IsNew: true);
    }

    /// <summary>A slug not yet taken: the name's, else with "-2", "-3"...</summary>
    public static string Allocate(string name, HashSet<string> taken)
    {
        var slug = Slug.From(name);
        for (var n = 2; !taken.Add(slug.Value); n++)
        {
            slug = Slug.From(name).WithSuffix(n);
        }

        return slug.Value;
    }

    private string NextCode()
    {
        var prefix = words.ActorNames.CodePrefixes[random.Next(words.ActorNames.CodePrefixes.Count)];
        code += 1 + random.Next(7);
        return prefix + code.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The name, or the name with a number when another made-up actor has it already.</summary>
    private string Unique(string name)
    {
        var candidate = name;
        for (var n = 2; !names.Add(candidate); n++)
        {
            candidate = $"{name} {n.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }
}
