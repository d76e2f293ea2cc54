using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Data.Seeding;

internal sealed class StatesLoader(AttributionDbContext db)
{
    public async Task<int> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var records = await ReferenceJson.ReadListAsync<StateRecord>(stream, cancellationToken);
        var existing = await db.States.Include(s => s.Names).ToDictionaryAsync(s => s.Code, cancellationToken);
        foreach (var record in records)
        {
            var code = CountryCode.Parse(record.Code);
            if (!existing.TryGetValue(code, out var state))
            {
                state = new State { Code = code, NameEn = record.En, NameEs = record.Es };
                db.States.Add(state);
                existing[code] = state;
            }

            state.NameEn = record.En;
            state.NameEs = record.Es;
            var wanted = Names(record).DistinctBy(n => (n.Language, n.Kind, n.Key)).ToList();
            state.Names.RemoveAll(n => !wanted.Any(w => w.Language == n.Language && w.Kind == n.Kind && w.Key == n.Key));
            foreach (var name in wanted.Where(w => !state.Names.Any(n => n.Language == w.Language && n.Kind == w.Kind && n.Key == w.Key)))
            {
                state.Names.Add(name);
            }
        }

        return records.Count;
    }

    private static IEnumerable<StateName> Names(StateRecord record)
    {
        var own = new[] { (Languages.English, record.En), (Languages.Spanish, record.Es) };
        var sets = new (NamesByLanguage? Names, StateNameKind Kind)[]
        {
            (record.Names, StateNameKind.Name),
            (record.Demonyms, StateNameKind.Demonym),
            (record.Metonyms, StateNameKind.Metonym),
        };
        foreach (var (language, name) in own)
        {
            yield return NewName(language, name, StateNameKind.Name);
        }

        foreach (var (names, kind) in sets)
        {
            foreach (var (language, name) in names?.All() ?? [])
            {
                yield return NewName(language, name, kind);
            }
        }
    }

    private static StateName NewName(string language, string text, StateNameKind kind) =>
        new() { Text = text, Key = TextFolding.Key(text), Language = language, Kind = kind };
}
