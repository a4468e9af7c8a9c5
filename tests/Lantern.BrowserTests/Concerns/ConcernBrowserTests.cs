using Lantern.Accounts.Users;
using Lantern.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Concerns;

/// <summary>
/// Recording a concern on a phone-sized screen with the keyboard alone, told to call 999 first; the
/// safeguarding lead deciding on it; every page on the way axe-clean and with no sideways scrolling.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ConcernBrowserTests(Chromium chromium, RiversideApp app) : BrowserTest(chromium)
{
    private const int PhoneWidth = 360;

    [Fact]
    public async Task A_learner_records_an_urgent_concern_on_a_phone_by_keyboard_and_the_DSL_decides_on_it()
    {
        var page = await NewPageAsync(app, signedInAs: Roles.Learner, width: PhoneWidth);
        await OpenAsync(page, "/");

        // "Record a concern" is in the header of every page.
        await TabUntilAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Record a concern", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Is a child in immediate danger?", Level = 1 })).ToBeVisibleAsync();
        await CheckPageAsync(page);

        // Sent empty: the error is clear and the page still passes.
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
        await CheckPageAsync(page);

        await TabUntilAsync(page, page.GetByRole(AriaRole.Radio, new() { Name = "Yes" }));
        await page.Keyboard.PressAsync("Space");
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Call 999 now", Level = 1 })).ToBeVisibleAsync();
        await CheckPageAsync(page);
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue recording the concern" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Is the concern about a member of staff or volunteer?", Level = 1 })).ToBeVisibleAsync();
        await CheckPageAsync(page);
        await TabUntilAsync(page, page.GetByRole(AriaRole.Radio, new() { Name = "Yes" }));
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "No" })).ToBeCheckedAsync();
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Which child or children is it about?", Level = 1 })).ToBeVisibleAsync();
        await CheckPageAsync(page);
        await TabUntilAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Add a child who is not listed" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a child", Level = 1 })).ToBeVisibleAsync();
        await CheckPageAsync(page);
        await TabUntilAsync(page, page.GetByLabel("Full name"));
        await page.Keyboard.TypeAsync("Maya Keyboard");
        await TabUntilAsync(page, page.GetByLabel("Age in years, if you do not know the date of birth"));
        await page.Keyboard.TypeAsync("11");
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add this child" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Term).GetByText("Maya Keyboard")).ToBeVisibleAsync();
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What happened", Level = 1 })).ToBeVisibleAsync();
        await CheckPageAsync(page);
        await TabUntilAsync(page, page.GetByRole(AriaRole.Checkbox, new() { Name = "Neglect" }));
        await page.Keyboard.PressAsync("Space");
        await TabUntilAsync(page, page.GetByLabel("What did you see or hear?"));
        await page.Keyboard.TypeAsync("She arrived hungry and cold, without a coat, for the third week running.");
        await TabUntilAsync(page, page.GetByRole(AriaRole.Textbox, new() { Name = "Day" }));
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(-1);
        await page.Keyboard.TypeAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The warning signs, shut by default to keep the page short; opened and ticked by keyboard.
        var signs = page.Locator("summary", new() { HasText = "Choose from the warning signs" });
        await TabUntilAsync(page, signs);
        await page.Keyboard.PressAsync("Enter");
        var secondPhone = page.GetByRole(AriaRole.Group, new() { Name = "Contact online" }).GetByRole(AriaRole.Checkbox, new() { Name = "Has a second phone, or accounts and apps they keep hidden." });
        await TabUntilAsync(page, secondPhone);
        await page.Keyboard.PressAsync("Space");
        await Expect(secondPhone).ToBeCheckedAsync();
        await CheckPageAsync(page);
        await TabUntilAsync(page, page.GetByLabel("Anything else you noticed"));
        await page.Keyboard.TypeAsync("Seems tired on Mondays.");
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attach photos or documents", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Never photograph, copy, upload or forward")).ToBeVisibleAsync();
        await CheckPageAsync(page);
        await TabUntilAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Continue" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before sending the concern", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#ticked-signs")).ToHaveTextAsync("Has a second phone, or accounts and apps they keep hidden.");
        await CheckPageAsync(page);
        await TabUntilAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send the concern" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Concern sent", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Priya Shah")).ToBeVisibleAsync();
        await CheckPageAsync(page);
        var reference = (await page.Locator(".govuk-panel__body strong").InnerTextAsync()).Trim();

        await OpenAsync(page, "/concerns/mine");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = reference })).ToBeVisibleAsync();
        await CheckPageAsync(page);

        // The DSL, on a desktop: inbox, concern, decision, addendum, chronology.
        var dsl = await NewPageAsync(app, signedInAs: Roles.Dsl);
        await OpenAsync(dsl, "/concerns");
        await dsl.AssertNoAxeViolationsAsync();
        await dsl.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(dsl.GetByRole(AriaRole.Heading, new() { Name = reference, Level = 1 })).ToBeVisibleAsync();
        await Expect(dsl.GetByText("without a coat")).ToBeVisibleAsync();
        await dsl.AssertNoAxeViolationsAsync();

        await dsl.GetByRole(AriaRole.Link, new() { Name = "Record a decision" }).ClickAsync();
        await Expect(dsl.GetByRole(AriaRole.Heading, new() { Name = "Record a decision", Level = 1 })).ToBeVisibleAsync();
        await dsl.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(dsl.GetByRole(AriaRole.Alert).GetByText("There is a problem")).ToBeVisibleAsync();
        await dsl.AssertNoAxeViolationsAsync();
        await dsl.GetByRole(AriaRole.Radio, new() { Name = "Early help" }).CheckAsync();
        await dsl.GetByLabel("Your reasons").FillAsync("Neglect below the threshold for social care; family agree to early help.");
        await dsl.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(dsl.GetByText("Decision recorded: Early help")).ToBeVisibleAsync();

        await dsl.GetByRole(AriaRole.Link, new() { Name = "Add an addendum" }).ClickAsync();
        await dsl.AssertNoAxeViolationsAsync();
        await dsl.GetByLabel("Add an addendum").FillAsync("Mother phoned: the coat was lost at school.");
        await dsl.GetByRole(AriaRole.Button, new() { Name = "Add the addendum" }).ClickAsync();
        await Expect(dsl.GetByText("Addendum added. The original record is unchanged.")).ToBeVisibleAsync();
        await Expect(dsl.GetByText("without a coat")).ToBeVisibleAsync();

        await dsl.GetByRole(AriaRole.Link, new() { Name = "Chronology for Maya Keyboard" }).ClickAsync();
        await Expect(dsl.GetByRole(AriaRole.Heading, new() { Name = "Chronology", Level = 1 })).ToBeVisibleAsync();
        await Expect(dsl.Locator("#chronology tbody tr")).ToHaveCountAsync(3);
        await dsl.AssertNoAxeViolationsAsync();
    }

    /// <summary>Axe-clean, and nothing sticks out sideways on the phone-sized window.</summary>
    private static async Task CheckPageAsync(IPage page)
    {
        await page.AssertNoAxeViolationsAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        Assert.False(overflow, $"{page.Url} scrolls sideways at {PhoneWidth} px");
    }
}
