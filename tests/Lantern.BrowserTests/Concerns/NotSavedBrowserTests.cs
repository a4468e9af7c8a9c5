using System.Globalization;
using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Concerns;

/// <summary>
/// The disk under the database full while a support worker writes what happened, on a phone: the page
/// that says it was not saved shows every word, passes axe, and "Send it again" works by keyboard once
/// there is room.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class NotSavedBrowserTests(Chromium chromium, SmallDiskApp app) : BrowserTest(chromium), IClassFixture<SmallDiskApp>
{
    private const string Words = "He said an older man waits for him after school and gives him a phone. Every word must survive.";

    [Fact]
    public async Task With_the_disk_full_the_page_keeps_every_word_and_sends_it_again_once_there_is_room()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.Learner, width: 360);
        await OpenAsync(page, "/concerns/new");
        await page.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a child who is not listed" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Theo Fulldisk");
        await page.GetByLabel("Age in years, if you do not know the date of birth").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add this child" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What happened", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Neglect" }).CheckAsync();
        await page.GetByLabel("What did you see or hear?").FillAsync(Words);
        var yesterday = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(-1);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Day" }).FillAsync(yesterday.Day.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Month" }).FillAsync(yesterday.Month.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Year" }).FillAsync(yesterday.Year.ToString(CultureInfo.InvariantCulture));

        // Full, and long enough after the last page that reading the session also writes (every 15 seconds):
        // even that fails, so the request is answered by the page for a database that cannot be used.
        app.FillDisk();
        await Task.Delay(TimeSpan.FromSeconds(16));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your concern has not been saved", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText(Words)).ToBeVisibleAsync();
        await Expect(page.GetByText("phone your safeguarding lead, or the police on 999")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        app.FreeDisk();
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send it again" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attach photos or documents", Level = 1 })).ToBeVisibleAsync();

        await OpenAsync(page, page.Url.Replace("/attachments", "/check", StringComparison.Ordinal).Replace(app.BaseUrl.GetLeftPart(UriPartial.Authority), "", StringComparison.Ordinal));
        await Expect(page.GetByText(Words)).ToBeVisibleAsync();
    }
}
