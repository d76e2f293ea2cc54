namespace AttributionTracker.Reliability.Tests;

/// <summary>
/// Each test here loads the 2-core machine on purpose (a 150-article import killed and rerun, 64 readers and a writer): in one
/// collection they run one at a time, so one test's load does not become another's failure or distort its figures.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyLoad
{
    public const string Name = "heavy load";
}
