namespace AttributionTracker.Web.Tests.Statements;

/// <summary>
/// An app of their own for the tests that write statements: what they add (an NCSC attribution of HAFNIUM dated
/// 2021) would change the counts and as-of views the read-only tests check on the shared app.
/// </summary>
public sealed class EditingApp : IAsyncLifetime
{
    public AttributionWebFactory App { get; } = new();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

[CollectionDefinition(nameof(EditingCollection))]
public sealed class EditingCollection : ICollectionFixture<EditingApp>;
