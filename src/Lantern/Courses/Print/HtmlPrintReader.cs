using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lantern.Printing;

namespace Lantern.Courses.Print;

/// <summary>
/// Reads the sanitised HTML a course keeps (chapter text, answers, transcripts, feedback) into print
/// blocks: paragraphs with their emphasis and links, headings, lists, tables with their header cells,
/// quotations, pictures with their alternative text. Whatever it does not know it reads for its text,
/// so nothing an author wrote is lost on paper.
/// </summary>
internal sealed partial class HtmlPrintReader(Func<string, PrintImage> image)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The reference keys the HTML cites (links to <c>#ref-key</c>), in the order first cited.</summary>
    public List<string> Cited { get; } = [];

    public List<PrintBlock> Read(string? html)
    {
        var blocks = new List<PrintBlock>();
        if (string.IsNullOrWhiteSpace(html))
        {
            return blocks;
        }

        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        Blocks(document.Body!, blocks);
        return blocks;
    }

    /// <summary>The text of the HTML as runs, paragraphs separated by a line break (for a caption, a cell, an answer in a note).</summary>
    public List<PrintRun> Runs(string? html)
    {
        var runs = new List<PrintRun>();
        foreach (var block in Read(html))
        {
            var text = block switch
            {
                PrintParagraph p => p.Runs,
                PrintQuotation q => q.Runs,
                PrintHeading h => [PrintRun.Bold(h.Text)],
                PrintList l => l.Items.SelectMany((item, i) => (IEnumerable<PrintRun>)[new PrintRun(i == 0 ? string.Empty : "\n"), new PrintRun(l.Numbered ? $"{i + 1}. " : "• "), .. item.Runs]).ToList(),
                _ => [],
            };
            if (text.Count == 0)
            {
                continue;
            }

            if (runs.Count > 0)
            {
                runs.Add(new PrintRun("\n"));
            }

            runs.AddRange(text);
        }

        return runs;
    }

    /// <summary>Paragraphs only (for a note): lists become lines with their bullets or numbers.</summary>
    public List<PrintParagraph> Paragraphs(string? html)
    {
        var paragraphs = new List<PrintParagraph>();
        foreach (var block in Read(html))
        {
            switch (block)
            {
                case PrintParagraph p:
                    paragraphs.Add(p);
                    break;
                case PrintQuotation q:
                    paragraphs.Add(new PrintParagraph(q.Runs));
                    break;
                case PrintHeading h:
                    paragraphs.Add(new PrintParagraph([PrintRun.Bold(h.Text)]));
                    break;
                case PrintList l:
                    for (var i = 0; i < l.Items.Count; i++)
                    {
                        paragraphs.Add(new PrintParagraph([new PrintRun(l.Numbered ? $"{i + 1}. " : "• "), .. l.Items[i].Runs]));
                    }

                    break;
                case PrintTable t:
                    paragraphs.Add(new PrintParagraph([PrintRun.Bold(t.Caption)]));
                    paragraphs.AddRange(t.Rows.Select(r => new PrintParagraph(r.SelectMany((c, i) => (IEnumerable<PrintRun>)[new PrintRun(i == 0 ? string.Empty : "; "), .. c.Runs]).ToList())));
                    break;
                case PrintFigure f when !f.Decorative:
                    paragraphs.Add(new PrintParagraph("Picture: " + f.AltText));
                    break;
            }
        }

        return paragraphs;
    }

    public static string Text(string? html) =>
        html is null ? string.Empty : Space().Replace(Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!.TextContent, " ").Trim();

    private void Blocks(INode parent, List<PrintBlock> into)
    {
        var loose = new Inline();
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement element && IsBlock(element))
            {
                Flush(loose, into);
                Block(element, into);
            }
            else
            {
                RunsOf(node, PrintRunStyle.Plain, null, loose);
            }
        }

        Flush(loose, into);
    }

    private static bool IsBlock(IElement element) => element.LocalName is
        "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "table" or "blockquote" or "hr" or "pre"
        or "div" or "section" or "article" or "aside" or "figure" or "figcaption" or "details" or "summary" or "dl" or "dt" or "dd"
        or "header" or "footer" or "nav" or "main" or "address";

    private void Block(IElement element, List<PrintBlock> into)
    {
        switch (element.LocalName)
        {
            case "p" or "dt" or "dd" or "summary" or "figcaption" or "address":
                var inline = new Inline();
                RunsOf(element, element.LocalName is "dt" or "summary" ? PrintRunStyle.Bold : PrintRunStyle.Plain, null, inline);
                Flush(inline, into);
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var text = Space().Replace(element.TextContent, " ").Trim();
                if (text.Length > 0)
                {
                    // The chapter's title is the H1; the chapter's own headings are H2 and H3 below it.
                    into.Add(new PrintHeading(Math.Clamp(element.LocalName[1] - '0', 2, 3), text));
                }

                break;
            case "ul" or "ol":
                if (List(element, 0) is { Items.Count: > 0 } list)
                {
                    into.Add(list);
                }

                break;
            case "table":
                if (Table(element) is { } table)
                {
                    into.Add(table);
                }

                break;
            case "blockquote":
                var quoted = Runs(element.InnerHtml);
                if (quoted.Count > 0)
                {
                    into.Add(new PrintQuotation(quoted));
                }

                break;
            case "hr":
                into.Add(new PrintRule());
                break;
            case "pre":
                var code = element.TextContent.TrimEnd('\n');
                if (code.Length > 0)
                {
                    into.Add(new PrintParagraph(code));
                }

                break;
            default:
                Blocks(element, into);
                break;
        }
    }

    private PrintList? List(IElement element, int depth)
    {
        var items = new List<PrintListItem>();
        foreach (var li in element.Children.Where(c => c.LocalName == "li"))
        {
            var inline = new Inline();
            PrintList? nested = null;
            foreach (var node in li.ChildNodes)
            {
                if (node is IElement { LocalName: "ul" or "ol" } sub)
                {
                    if (depth == 0 && nested is null)
                    {
                        nested = List(sub, depth + 1);
                    }
                    else
                    {
                        // Print lists go one level deep; deeper items follow as lines of their parent.
                        foreach (var deeper in List(sub, depth + 1)?.Items ?? [])
                        {
                            inline.Runs.Add(new PrintRun("\n– "));
                            inline.Runs.AddRange(deeper.Runs);
                        }
                    }
                }
                else if (node is IElement { LocalName: "p" } paragraph)
                {
                    if (inline.Runs.Count > 0)
                    {
                        inline.Runs.Add(new PrintRun("\n"));
                    }

                    RunsOf(paragraph, PrintRunStyle.Plain, null, inline);
                }
                else
                {
                    RunsOf(node, PrintRunStyle.Plain, null, inline);
                }
            }

            items.Add(new PrintListItem(Normalise(inline.Runs), nested is { Items.Count: > 0 } ? nested : null));
        }

        return items.Count == 0 ? null : new PrintList(element.LocalName == "ol", items);
    }

    private PrintTable? Table(IElement table)
    {
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var headerRow = rows.FirstOrDefault(r => r.ParentElement?.LocalName == "thead")
                        ?? (rows[0].Children.All(c => c.LocalName == "th") ? rows[0] : null);
        var header = (headerRow ?? rows[0]).Children.Where(c => c.LocalName is "th" or "td").Select(c => Space().Replace(c.TextContent, " ").Trim()).ToList();
        var body = rows.Where(r => r != (headerRow ?? rows[0])).ToList();
        var cells = body.Select(r => (IReadOnlyList<PrintTableCell>)r.Children.Where(c => c.LocalName is "th" or "td").Select(Cell).ToList()).ToList();
        var caption = table.QuerySelector("caption") is { } c ? Space().Replace(c.TextContent, " ").Trim() : string.Empty;
        return new PrintTable(caption.Length > 0 ? caption : "Table: " + string.Join(", ", header), header, cells)
        {
            FirstColumnIsRowHeader = body.Count > 0 && body.All(r => r.FirstElementChild?.LocalName == "th"),
        };
    }

    private PrintTableCell Cell(IElement cell)
    {
        var inline = new Inline();
        RunsOf(cell, PrintRunStyle.Plain, null, inline);
        return new PrintTableCell(Normalise(inline.Runs));
    }

    private void RunsOf(INode node, PrintRunStyle style, Uri? link, Inline into)
    {
        switch (node)
        {
            case IText text:
                into.Runs.Add(new PrintRun(Space().Replace(text.Data, " "), style, link));
                break;
            case IElement element:
                switch (element.LocalName)
                {
                    case "br":
                        into.Runs.Add(new PrintRun("\n", style, link));
                        return;
                    case "img":
                        var alt = Space().Replace(element.GetAttribute("alt") ?? string.Empty, " ").Trim();
                        if (element.GetAttribute("src") is { Length: > 0 } src)
                        {
                            into.Figures.Add(alt.Length > 0 ? new PrintFigure(image(src), alt) : PrintFigure.DecorativeOnly(image(src)));
                        }

                        return;
                    case "strong" or "b":
                        style = Combine(style, PrintRunStyle.Bold);
                        break;
                    case "em" or "i" or "cite":
                        style = Combine(style, PrintRunStyle.Italic);
                        break;
                    case "a":
                        link = Link(element.GetAttribute("href")) ?? link;
                        break;
                    case "ul" or "ol" when into.Runs.Count > 0:
                        into.Runs.Add(new PrintRun("\n"));
                        break;
                    case "li":
                        into.Runs.Add(new PrintRun("• "));
                        break;
                }

                foreach (var child in element.ChildNodes)
                {
                    RunsOf(child, style, link, into);
                }

                if (element.LocalName is "li" or "p" or "div")
                {
                    into.Runs.Add(new PrintRun("\n"));
                }

                break;
        }
    }

    private Uri? Link(string? href)
    {
        if (string.IsNullOrEmpty(href) || !Uri.TryCreate(href, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }

        var hash = href.IndexOf("#ref-", StringComparison.Ordinal);
        if (hash >= 0 && !uri.IsAbsoluteUri)
        {
            var key = href[(hash + 5)..];
            if (!Cited.Contains(key))
            {
                Cited.Add(key);
            }
        }

        return uri;
    }

    private static PrintRunStyle Combine(PrintRunStyle a, PrintRunStyle b) =>
        (a, b) switch
        {
            (PrintRunStyle.Plain, _) => b,
            (_, PrintRunStyle.Plain) => a,
            _ when a == b => a,
            _ => PrintRunStyle.BoldItalic,
        };

    private static void Flush(Inline inline, List<PrintBlock> into)
    {
        var runs = Normalise(inline.Runs);
        if (runs.Count > 0)
        {
            into.Add(new PrintParagraph(runs));
        }

        into.AddRange(inline.Figures);
        inline.Runs.Clear();
        inline.Figures.Clear();
    }

    /// <summary>Collapses white space as a browser does: one space between words, none at the start or end of a line.</summary>
    internal static List<PrintRun> Normalise(List<PrintRun> runs)
    {
        var result = new List<PrintRun>();
        var atLineStart = true;
        var lastWasBreak = true;
        foreach (var run in runs)
        {
            var text = new StringBuilder(run.Text.Length);
            foreach (var ch in run.Text)
            {
                if (ch == '\n')
                {
                    // Two breaks in a row (a paragraph's end, then the next one's start) make one.
                    if (!lastWasBreak)
                    {
                        TrimEnd(text, result);
                        text.Append('\n');
                    }

                    atLineStart = true;
                    lastWasBreak = true;
                    continue;
                }

                if (ch != ' ')
                {
                    lastWasBreak = false;
                }

                if (ch == ' ')
                {
                    if (!atLineStart && !(text.Length > 0 ? text[^1] == ' ' : result.Count > 0 && result[^1].Text.EndsWith(' ')))
                    {
                        text.Append(' ');
                    }
                }
                else
                {
                    text.Append(ch);
                    atLineStart = false;
                }
            }

            if (text.Length > 0)
            {
                result.Add(run with { Text = text.ToString() });
            }
        }

        // No line break or space at the very start or end.
        while (result.Count > 0 && result[0].Text.TrimStart('\n', ' ') is var start && start.Length == 0)
        {
            result.RemoveAt(0);
        }

        if (result.Count > 0)
        {
            result[0] = result[0] with { Text = result[0].Text.TrimStart('\n', ' ') };
        }

        while (result.Count > 0 && result[^1].Text.TrimEnd('\n', ' ').Length == 0)
        {
            result.RemoveAt(result.Count - 1);
        }

        if (result.Count > 0)
        {
            result[^1] = result[^1] with { Text = result[^1].Text.TrimEnd('\n', ' ') };
        }

        return result;
    }

    private static void TrimEnd(StringBuilder text, List<PrintRun> result)
    {
        if (text.Length > 0)
        {
            while (text.Length > 0 && text[^1] == ' ')
            {
                text.Length--;
            }
        }
        else if (result.Count > 0 && result[^1].Text.EndsWith(' '))
        {
            result[^1] = result[^1] with { Text = result[^1].Text.TrimEnd(' ') };
        }
    }

    [GeneratedRegex(@"[ \t\r\n\f]+", RegexOptions.CultureInvariant)]
    private static partial Regex Space();

    private sealed class Inline
    {
        public List<PrintRun> Runs { get; } = [];

        public List<PrintFigure> Figures { get; } = [];
    }
}
