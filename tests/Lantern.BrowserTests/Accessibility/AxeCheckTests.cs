using Lantern.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Lantern.BrowserTests.Accessibility;

/// <summary>
/// The axe check itself: a page with faults of its own must fail it, naming each rule and element, or
/// every clean result elsewhere would prove nothing.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class AxeCheckTests(Chromium chromium, RiversideApp app) : BrowserTest(chromium)
{
    // Built through the DOM: the content security policy rightly refuses inline styles in markup.
    private const string AddFaults = """
        () => {
          const main = document.querySelector('main')
          const image = document.createElement('img')
          image.id = 'image-without-alt'
          image.src = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
          main.append(image)
          for (const id of ['tiny-1', 'tiny-2']) {
            const button = document.createElement('button')
            button.id = id
            button.textContent = 'x'
            Object.assign(button.style, { width: '10px', height: '10px', padding: '0', margin: '0', border: '0', fontSize: '8px' })
            main.append(button)
          }
        }
        """;

    [Fact]
    public async Task The_axe_check_fails_a_page_with_faults_and_names_each_rule_and_element()
    {
        var page = await NewPageAsync(app);
        await OpenAsync(page, "/sign-in");
        await page.EvaluateAsync(AddFaults);
        await Expect(page.Locator("#tiny-2")).ToBeVisibleAsync();

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(page.AssertNoAxeViolationsAsync);

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#image-without-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("target-size", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#tiny-1", failure.Message, StringComparison.Ordinal);
    }
}
