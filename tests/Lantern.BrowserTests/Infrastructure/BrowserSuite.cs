namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// Every browser test shares one Chromium and the running apps. The tests run one after another:
/// on 2 cores the app, the browser and the test runner already keep both busy.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<Chromium>, ICollectionFixture<RiversideApp>, ICollectionFixture<FirstSignInApp>
{
    public const string Name = "Browser";
}
