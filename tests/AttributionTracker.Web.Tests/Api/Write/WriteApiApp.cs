namespace AttributionTracker.Web.Tests.Api.Write;

/// <summary>An app of their own for the API write tests: what they add would change the shared app's counts.</summary>
public sealed class WriteApiApp : IAsyncLifetime
{
    public AttributionWebFactory App { get; } = new();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

[CollectionDefinition(nameof(WriteApiCollection))]
public sealed class WriteApiCollection : ICollectionFixture<WriteApiApp>;
