using Lantern.Accounts.Users;
using Lantern.Demo;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>Signs in as the demo people in the browser, doing what a person does: the form, then the authenticator app.</summary>
public static class DemoPeople
{
    public const string TwoStepPath = "/account/two-step";
    public const string CodePath = "/sign-in/code";

    public static string EmailFor(string role) =>
        DemoData.People.Single(p => p.Role == role).Email;

    public static string NameFor(string role) =>
        DemoData.People.Single(p => p.Role == role).Name;

    public static IEnumerable<string> AllRoles => Roles.All.Select(r => r.Name);

    /// <summary>The code an authenticator app shows now for the key on the set-up page (spaces and case do not matter).</summary>
    public static string CodeFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var secret = key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp();
    }

    public static bool IsAt(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new Uri(page.Url).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase);
    }

    public static async Task SignInWithPasswordAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await LeaveAsync(page, "/sign-in", $"Signing in as {email}");
    }

    /// <summary>On the set-up page: reads the key as a person would type it into their app, enters the code, and returns the key.</summary>
    public static async Task<string> SetUpAuthenticatorAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(CodeFor(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step verification" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step verification is set up" })).ToBeVisibleAsync();
        return key;
    }

    public static async Task EnterCodeAsync(IPage page, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(CodeFor(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await LeaveAsync(page, CodePath, "Entering the code");
    }

    /// <summary>Waits for the form just sent to move the person on; a form that comes back with errors fails with what it says.</summary>
    private static async Task LeaveAsync(IPage page, string path, string step)
    {
        try
        {
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase), new() { Timeout = 60_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{step} did not get past {path}: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>Signed in, second factor done: the home page opens and welcomes the person.</summary>
    public static async Task AssertSignedInAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();
    }
}
