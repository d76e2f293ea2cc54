using AttributionTracker.Domain;

namespace AttributionTracker.Tests.Domain;

public sealed class SlugTests
{
    [Theory]
    [InlineData("HAFNIUM", "hafnium")]
    [InlineData("Ministerio de Seguridad del Estado (MSS)", "ministerio-de-seguridad-del-estado-mss")]
    [InlineData("Ataque al parlamento de Finlandia", "ataque-al-parlamento-de-finlandia")]
    [InlineData("  --  ", "unnamed")]
    [InlineData("APT-C-20 / 'Sofacy'", "apt-c-20-sofacy")]
    public void Makes_url_names_from_any_name(string name, string slug) =>
        Assert.Equal(slug, Slug.From(name).Value);

    [Theory]
    [InlineData("hafnium", true)]
    [InlineData("apt28-2", true)]
    [InlineData("Hafnium", false)]
    [InlineData("a--b", false)]
    [InlineData("-a", false)]
    [InlineData("../etc", false)]
    public void Only_accepts_real_slugs_from_urls(string text, bool valid) =>
        Assert.Equal(valid, Slug.TryParse(text, out _));

    [Fact]
    public void Long_names_are_cut_and_suffixes_keep_the_limit()
    {
        var slug = Slug.From(new string('x', 500));

        Assert.Equal(Slug.MaxLength, slug.Value.Length);
        Assert.Equal(Slug.MaxLength, slug.WithSuffix(12).Value.Length);
        Assert.EndsWith("-12", slug.WithSuffix(12).Value, StringComparison.Ordinal);
    }
}
