using System.Globalization;
using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Screening;

/// <summary>
/// A DSL screens a child from a concern with the keyboard alone: signs answered by domain, harm shown
/// apart and above the band, an override with its reason, the trend chart and its table; the admin's
/// catalogue pages. Every page axe-clean and with no sideways scrolling at 320 px.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ScreeningBrowserTests(Chromium chromium, RiversideApp app) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_DSL_screens_a_child_from_a_concern_by_keyboard_overrides_with_a_reason_and_sees_the_trend()
    {
        var concern = await RecordConcernAsync("Zara Screening");
        var dsl = await NewPageAsync(app, signedInAs: Roles.Dsl);
        await OpenAsync(dsl, concern);
        await dsl.GetByRole(AriaRole.Link, new() { Name = "Screen for risk of sexual exploitation (Zara Screening)" }).ClickAsync();
        await Expect(dsl.GetByRole(AriaRole.Heading, new() { Name = "Screen for risk of sexual exploitation", Level = 1 })).ToBeVisibleAsync();
        await dsl.AssertNoAxeViolationsAsync();
        var form = new Uri(dsl.Url).PathAndQuery;
        // The sign ticked on the concern is answered, its evidence filled in from the concern.
        var secondPhone = dsl.GetByRole(AriaRole.Group, new() { Name = "Has a second phone, or accounts and apps they keep hidden." });
        await Expect(secondPhone.GetByRole(AriaRole.Radio, new() { Name = "Seen in the last 6 months" })).ToBeCheckedAsync();
        await Expect(dsl.GetByRole(AriaRole.Textbox, new() { Name = "Who saw or reported it for: Has a second phone, or accounts and apps they keep hidden." })).Not.ToBeEmptyAsync();

        // A disclosure, recorded apart as a sign of harm, and a significant risk indicator.
        var disclosure = dsl.GetByRole(AriaRole.Group, new() { Name = "Has told someone they have been sexually abused or exploited." });
        await TabUntilAsync(dsl, disclosure.GetByRole(AriaRole.Radio, new() { Name = "Not present" }));
        await dsl.Keyboard.PressAsync("ArrowLeft");
        await Expect(disclosure.GetByRole(AriaRole.Radio, new() { Name = "Present", Exact = true })).ToBeCheckedAsync();
        await dsl.Keyboard.PressAsync("Tab");
        await dsl.Keyboard.TypeAsync("Told Sam at swimming that a man makes her do things for money.");
        await dsl.Keyboard.PressAsync("Tab");
        await dsl.Keyboard.TypeAsync("Sam, swimming coach");
        await dsl.Keyboard.PressAsync("Tab");
        await dsl.Keyboard.TypeAsync("Last Friday");
        var missing = dsl.GetByRole(AriaRole.Group, new() { Name = "Goes missing often or overnight, or is found a long way from home." });
        await TabUntilAsync(dsl, missing.GetByRole(AriaRole.Radio, new() { Name = "Not seen" }));
        await dsl.Keyboard.PressAsync("ArrowLeft");
        await dsl.Keyboard.PressAsync("ArrowLeft");
        await Expect(missing.GetByRole(AriaRole.Radio, new() { Name = "Seen in the last 6 months" })).ToBeCheckedAsync();
        await dsl.Keyboard.PressAsync("Tab");
        await dsl.Keyboard.TypeAsync("Missing overnight twice.");
        await dsl.Keyboard.PressAsync("Tab");
        await dsl.Keyboard.TypeAsync("Police log");
        await dsl.Keyboard.PressAsync("Tab");
        await dsl.Keyboard.TypeAsync("October 2026");
        await TabUntilAsync(dsl, dsl.GetByRole(AriaRole.Button, new() { Name = "See the outcome" }));
        await dsl.Keyboard.PressAsync("Enter");

        await Expect(dsl.GetByRole(AriaRole.Heading, new() { Name = "Screening outcome", Level = 1 })).ToBeVisibleAsync();
        await Expect(dsl.GetByText("Harm indicated. This stands apart from the risk band")).ToBeVisibleAsync();
        await dsl.AssertNoAxeViolationsAsync();

        // Saved without a judgement: a clear error, still axe-clean.
        await TabUntilAsync(dsl, dsl.GetByRole(AriaRole.Button, new() { Name = "Save the screening" }));
        await dsl.Keyboard.PressAsync("Enter");
        await Expect(dsl.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
        await dsl.AssertNoAxeViolationsAsync();

        await TabUntilAsync(dsl, dsl.GetByRole(AriaRole.Radio, new() { Name = "I agree: moderate risk" }));
        await dsl.Keyboard.PressAsync("ArrowDown");
        await Expect(dsl.GetByRole(AriaRole.Radio, new() { Name = "I judge the risk differently" })).ToBeCheckedAsync();
        await TabUntilAsync(dsl, dsl.GetByRole(AriaRole.Radio, new() { Name = "No apparent risk" }));
        await dsl.Keyboard.PressAsync("Space");
        await dsl.Keyboard.PressAsync("ArrowDown");
        await dsl.Keyboard.PressAsync("ArrowDown");
        await dsl.Keyboard.PressAsync("ArrowDown");
        await Expect(dsl.GetByRole(AriaRole.Radio, new() { Name = "Significant risk" })).ToBeCheckedAsync();
        await TabUntilAsync(dsl, dsl.GetByLabel("Your reason for changing the band"));
        await dsl.Keyboard.TypeAsync("Police intelligence links the adults she meets to a known group.");
        await TabUntilAsync(dsl, dsl.GetByRole(AriaRole.Button, new() { Name = "Save the screening" }));
        await dsl.Keyboard.PressAsync("Enter");

        await Expect(dsl.GetByText("Screening saved")).ToBeVisibleAsync();
        await Expect(dsl.Locator("#final-band")).ToHaveTextAsync("Significant risk");
        await dsl.AssertNoAxeViolationsAsync();

        await dsl.GetByRole(AriaRole.Link, new() { Name = "Back to screenings" }).ClickAsync();
        await Expect(dsl.GetByRole(AriaRole.Heading, new() { Name = "CSE screenings", Level = 1 })).ToBeVisibleAsync();
        await Expect(dsl.GetByRole(AriaRole.Img, new() { Name = "Screening scores over time: line chart of 1 screening. The same figures are in the table below it." })).ToBeVisibleAsync();
        await Expect(dsl.Locator("#screenings tbody tr")).ToHaveCountAsync(1);
        await dsl.AssertNoAxeViolationsAsync();
        var trend = new Uri(dsl.Url).PathAndQuery;

        await dsl.GetByRole(AriaRole.Link, new() { Name = "Back to the chronology" }).ClickAsync();
        await Expect(dsl.GetByRole(AriaRole.Link, new() { Name = "CSE screening: significant risk, harm indicated" })).ToBeVisibleAsync();
        await dsl.AssertNoAxeViolationsAsync();

        // The same pages on the narrowest screen.
        var narrow = await NewPageAsync(app, signedInAs: Roles.Dsl, width: NarrowestWidth);
        foreach (var path in new[] { form, trend })
        {
            await OpenAsync(narrow, path);
            await AssertNarrowAsync(narrow);
        }
    }

    [Theory]
    [InlineData("/admin/screening")]
    [InlineData("/admin/screening/edit")]
    public async Task The_catalogue_pages_are_axe_clean_and_reflow_at_320_px(string path)
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);
        await OpenAsync(page, path);
        await page.AssertNoAxeViolationsAsync();

        var narrow = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin, width: NarrowestWidth);
        await OpenAsync(narrow, path);
        await AssertNarrowAsync(narrow);
    }

    [Fact]
    public async Task A_scheme_with_overlapping_bands_is_refused_on_the_page_and_the_page_stays_axe_clean()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);
        await OpenAsync(page, "/admin/screening/edit");
        await page.GetByLabel("Moderate risk starts at").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish version" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).GetByText("both start at 6 points")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Moderate risk starts at")).ToHaveValueAsync("6");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_domain_with_a_sign_in_it_and_the_pages_stay_axe_clean()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.OrganisationAdmin);
        await OpenAsync(page, "/admin/screening/edit");
        var add = page.GetByRole(AriaRole.Group, new() { Name = "Add a domain (optional)" });
        await add.GetByLabel("Name").FillAsync("Money and debt");
        await add.GetByLabel("Summary").FillAsync("Who pays for what, and what is expected back.");
        var sign = page.GetByRole(AriaRole.Group, new() { Name = "Add an indicator (optional)" });
        await sign.GetByLabel("Wording").FillAsync("Is paying off a debt to someone older.");
        await sign.GetByLabel("Domain").SelectOptionAsync(new SelectOptionValue { Label = "The new domain (added below)" });
        await sign.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Significant risk indicator" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish version" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Money and debt" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await OpenAsync(page, "/warning-signs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Money and debt", Level = 2 })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        // A duplicate name is refused on the page, the input kept.
        await OpenAsync(page, "/admin/screening/edit");
        await page.GetByRole(AriaRole.Group, new() { Name = "Add a domain (optional)" }).GetByLabel("Name").FillAsync("Money and debt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish version" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Another domain is already called \"Money and debt\"" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Add a domain (optional)" }).GetByLabel("Name")).ToHaveValueAsync("Money and debt");
        await page.AssertNoAxeViolationsAsync();
    }

    /// <summary>Records a concern about a new child as the learner; returns the concern's address for the DSL.</summary>
    private async Task<string> RecordConcernAsync(string child)
    {
        var page = await NewPageAsync(app, signedInAs: Roles.Learner);
        await OpenAsync(page, "/concerns/new");
        await page.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a child who is not listed" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync(child);
        await page.GetByLabel("Age in years, if you do not know the date of birth").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add this child" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Child sexual exploitation" }).CheckAsync();
        await page.GetByLabel("What did you see or hear?").FillAsync("She was collected from the gate by an older man in a car.");
        await page.GetByText("Choose from the warning signs").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Has a second phone, or accounts and apps they keep hidden." }).CheckAsync();
        var yesterday = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(-1);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Day" }).FillAsync(yesterday.Day.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Month" }).FillAsync(yesterday.Month.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Year" }).FillAsync(yesterday.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the concern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Concern sent", Level = 1 })).ToBeVisibleAsync();
        return "/concerns/" + new Uri(page.Url).AbsolutePath.Split('/')[2];
    }

    private static async Task AssertNarrowAsync(IPage page)
    {
        await page.AssertNoAxeViolationsAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        Assert.False(overflow, $"{page.Url} scrolls sideways at {NarrowestWidth} px");
    }
}
