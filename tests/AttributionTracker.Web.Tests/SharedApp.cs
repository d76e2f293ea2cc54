// One seeded app for every test class that only reads: first start (migrations, reference data, the seed article)
// runs once per test run instead of once per class. A test that changes data starts its own AttributionWebFactory.
[assembly: AssemblyFixture(typeof(AttributionTracker.Web.Tests.AttributionWebFactory))]
