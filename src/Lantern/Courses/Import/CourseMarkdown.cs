using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Lantern.Courses.Import;

/// <summary>
/// Markdown as courses write it: CommonMark with tables and attributes (<c>{#id}</c> on headings),
/// citations written <c>[@key]</c> resolved from the course's reference list, images only from the
/// course folder and never without alternative text. The HTML is sanitised before it is kept.
/// </summary>
public static partial class CourseMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseGenericAttributes()
        .Build();

    /// <summary>Markdown inside a block (an answer, feedback, a transcript) to safe HTML.</summary>
    public static string Fragment(string markdown, ImportContext context, string file, int line)
    {
        ArgumentNullException.ThrowIfNull(context);
        var document = Markdown.Parse(Cite(markdown, context, file, line), Pipeline);
        CheckImages(document, context, file, line);
        return context.Sanitizer.Sanitize(Render(document)).Trim();
    }

    /// <summary>A short piece of text that may hold emphasis, links or citations, without the paragraph around it.</summary>
    public static string Inline(string markdown, ImportContext context, string file, int line)
    {
        var html = Fragment(markdown, context, file, line);
        var match = SingleParagraph().Match(html);
        return match.Success && !match.Groups[1].Value.Contains("<p", StringComparison.Ordinal) ? match.Groups[1].Value : html;
    }

    public static string Render(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Replaces every citation outside fenced blocks with links to the book's reference list:
    /// <c>[@barnardos-2011]</c> becomes “(Barnardo's, 2011)”, <c>[@a; @b]</c> “(A, 2011; B, 2012)”,
    /// <c>[@ceop-nd, cited in @blackpool-2023]</c> keeps its words. An unknown key is a problem.
    /// </summary>
    public static string Cite(string text, ImportContext context, string file, int firstLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var lines = text.Split('\n');
        var fence = (string?)null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            var marker = trimmed.StartsWith("```", StringComparison.Ordinal) ? "```" : trimmed.StartsWith("~~~", StringComparison.Ordinal) ? "~~~" : null;
            if (marker is not null)
            {
                fence = fence is null ? marker : fence == marker ? null : fence;
                continue;
            }

            if (fence is not null || !lines[i].Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var line = firstLine + i;
            lines[i] = Citation().Replace(lines[i], match =>
            {
                var body = match.Groups[1].Value;
                if (!Key().IsMatch(body))
                {
                    return match.Value;
                }

                var linked = Key().Replace(body, key =>
                {
                    var name = key.Groups[1].Value;
                    if (!context.References.TryGetValue(name, out var reference))
                    {
                        context.Problems.Add(file, line, $"The citation key ‘{name}’ is not in the course's reference list. Add it under ‘references:’ in course.yaml, or correct the key.");
                        return key.Value;
                    }

                    context.CitedInBook.Add(name);
                    return $"[{Escape(reference.Citation)}]({context.ReferencesUrl}#ref-{name})";
                });
                return "(" + linked + ")";
            });
        }

        return string.Join('\n', lines);
    }

    /// <summary>Every image must have alternative text and be a file of the course; its address becomes the version's media address.</summary>
    public static void CheckImages(MarkdownDocument document, ImportContext context, string file, int firstLine)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            var line = firstLine + image.Line;
            var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
            if (alt.Length == 0)
            {
                context.Problems.Add(file, line, $"The image ‘{image.Url}’ has no alternative text. Write what the picture shows between the brackets: ![what it shows]({image.Url}).");
            }

            image.Url = context.Media(image.Url, file, line, "image") ?? string.Empty;
        }
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '[' or ']' or '*' or '_' or '`' or '<' or '>')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    [GeneratedRegex(@"\[([^\[\]\n]+)\](?![\(\[:])", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();

    [GeneratedRegex(@"(?<=^|[\s;])@([a-z0-9][a-z0-9-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Key();

    [GeneratedRegex(@"^<p class=""govuk-body"">(.*)</p>$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SingleParagraph();
}
