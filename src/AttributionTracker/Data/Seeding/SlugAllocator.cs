using AttributionTracker.Domain;

namespace AttributionTracker.Data.Seeding;

/// <summary>Hands out slugs unique within one table, adding "-2", "-3"... to a name that is already taken.</summary>
public sealed class SlugAllocator(IEnumerable<Slug> taken)
{
    private readonly HashSet<Slug> taken = [.. taken];

    public Slug Allocate(string name)
    {
        var slug = Slug.From(name);
        for (var n = 2; !taken.Add(slug); n++)
        {
            slug = Slug.From(name).WithSuffix(n);
        }

        return slug;
    }
}
