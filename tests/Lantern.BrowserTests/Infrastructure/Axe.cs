using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>The axe check every page must pass: WCAG 2.0, 2.1 and 2.2 at levels A and AA, target size included.</summary>
public static class Axe
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new() { Enabled = true } },
        // Only violations fail the check; axe skips building selectors for everything else.
        ResultTypes = [ResultType.Violations],
    };

    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(Options);
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"axe found {result.Violations.Length} violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}  {node.Html}");
                AppendChecks(report, "Fix any of", node.Any);
                AppendChecks(report, "Fix all of", [.. node.All ?? [], .. node.None ?? []]);
            }
        }

        Assert.Fail(report.ToString());
    }

    private static void AppendChecks(StringBuilder report, string heading, AxeResultCheck[]? checks)
    {
        var messages = (checks ?? []).Select(c => c.Message).Where(m => !string.IsNullOrEmpty(m)).ToList();
        if (messages.Count > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"      {heading}: {string.Join("; ", messages)}");
        }
    }
}
