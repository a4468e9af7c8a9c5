using Microsoft.Playwright;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>
/// A test with pages of its own: each page gets a fresh browser context (cookies, storage, viewport),
/// closed when the test ends. Signed-in pages reuse the cookies each app keeps per role.
/// </summary>
public abstract class BrowserTest(Chromium chromium) : IAsyncLifetime
{
    public const int DesktopWidth = 1280;
    public const int NarrowestWidth = 320;

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A page on <paramref name="app"/>, signed out, or signed in as the demo person with the role <paramref name="signedInAs"/>.</summary>
    protected async Task<IPage> NewPageAsync(LanternProcess app, string? signedInAs = null, int width = DesktopWidth, bool javaScriptEnabled = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 720 },
            StorageState = signedInAs is null ? null : await app.SignedInStateAsync(chromium.Browser, signedInAs),
            JavaScriptEnabled = javaScriptEnabled,
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A signed-out page where the demo person with this case role has just given their password and is
    /// asked for the code from the authenticator app they set up earlier.
    /// </summary>
    protected async Task<IPage> NewPageAskingForCodeAsync(LanternProcess app, string role)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.SignedInStateAsync(chromium.Browser, role);
        var page = await NewPageAsync(app);
        await DemoPeople.SignInWithPasswordAsync(page, DemoPeople.EmailFor(role));
        Assert.True(DemoPeople.IsAt(page, DemoPeople.CodePath), $"After the password, {role} was sent to {page.Url}, not to {DemoPeople.CodePath}");
        return page;
    }

    /// <summary>Opens the page and checks it answered as expected (a page still being written answers 404).</summary>
    protected static async Task OpenAsync(IPage page, string path, int expectedStatus = 200)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path);
        Assert.True(response is not null, $"No response for {path}");
        Assert.True(
            response.Status == expectedStatus,
            $"{path} answered {response.Status}, expected {expectedStatus}{(response.Status == 404 ? " (is the page there yet?)" : "")}; now at {page.Url}");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus, as a keyboard user moves through a page.</summary>
    protected static async Task TabUntilAsync(IPage page, ILocator target)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        for (var i = 0; i < 400; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached the element on {page.Url}");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
