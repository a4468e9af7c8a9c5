using AngleSharp.Html.Parser;
using Lantern.Courses.Model;

namespace Lantern.Tests.Courses;

/// <summary>
/// A corpus of script and XSS payloads, written into a chapter's Markdown and into a block's Markdown
/// fields, produces no executable script in the HTML that is stored: no script element, no event
/// handler, no javascript: or data: address, nothing that loads another page or changes the form.
/// </summary>
public sealed class XssTests
{
    public static TheoryData<string> Payloads => new(XssCorpus.Payloads);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_payload_in_a_chapter_leaves_no_executable_script(string payload)
    {
        var result = new SampleCourse().Replace("05-acting.md", "When you have a worry,", payload + "\n\nWhen you have a worry,").Read();

        AssertSafe(result);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_payload_in_a_blocks_markdown_leaves_no_executable_script(string payload)
    {
        var result = new SampleCourse()
            .Replace("01-noticing.md", "  Many disabled children rely on adults", "  " + payload.Replace("\n", " ", StringComparison.Ordinal) + "\n  Many disabled children rely on adults")
            .Read();

        AssertSafe(result);
    }

    private static void AssertSafe(Lantern.Courses.Import.CourseReader.Result result)
    {
        if (result.Course is null)
        {
            // Refused whole (an image from outside the course, say): nothing is stored, so nothing is served.
            Assert.NotEmpty(result.Problems);
            return;
        }

        var htmls = result.Course.Books.SelectMany(b => b.Chapters).SelectMany(c => c.Segments)
            .SelectMany(s => new[] { s.Html }.Concat(s.Block switch
            {
                RevealBlock r => [r.AnswerHtml],
                CheckBlock c => c.Options.Select(o => o.FeedbackHtml).Append(c.HintHtml),
                CaseStudyBlock cs => cs.Steps.SelectMany(st => st.Choices.Select(ch => ch.FeedbackHtml).Append(st.Html)).Append(cs.IntroHtml),
                _ => [],
            }))
            .Where(h => h is not null);
        var parser = new HtmlParser();
        foreach (var html in htmls)
        {
            var document = parser.ParseDocument("<body>" + html + "</body>");
            Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, form, input, button, style, link, meta, base, template, noscript, math, body *[srcdoc]"));
            foreach (var element in document.Body!.QuerySelectorAll("*"))
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(element.Attributes, a => a.Name is "style" or "formaction" or "target");
                foreach (var url in new[] { element.GetAttribute("href"), element.GetAttribute("src") }.Where(u => u is not null))
                {
                    var scheme = url!.Trim().ToLowerInvariant();
                    Assert.False(scheme.StartsWith("javascript:", StringComparison.Ordinal) || scheme.StartsWith("data:", StringComparison.Ordinal) || scheme.StartsWith("vbscript:", StringComparison.Ordinal), $"Unsafe address {url} in {html}");
                }
            }

            // Pictures only from the course itself (any other src was removed).
            Assert.All(document.QuerySelectorAll("img"), img => Assert.StartsWith("/learn/", img.GetAttribute("src") ?? "/learn/", StringComparison.Ordinal));
        }
    }
}
