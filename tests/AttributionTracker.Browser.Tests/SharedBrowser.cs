// One app on a real port and one Chromium for every browser test class; each test still gets its own browser context.
[assembly: AssemblyFixture(typeof(AttributionTracker.Browser.Tests.BrowserFixture))]
