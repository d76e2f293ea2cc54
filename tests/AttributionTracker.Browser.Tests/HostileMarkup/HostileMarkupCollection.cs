namespace AttributionTracker.Browser.Tests.HostileMarkup;

/// <summary>The hostile-markup test classes share one payload-laden app: starting it and storing the corpus is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class HostileMarkupCollection : ICollectionFixture<HostileMarkupApp>
{
    public const string Name = "Hostile markup";
}
