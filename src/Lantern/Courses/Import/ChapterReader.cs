using System.Text;
using System.Text.RegularExpressions;
using Lantern.Courses.Model;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Lantern.Courses.Import;

/// <summary>
/// Reads one chapter file: its title (the one <c>#</c> heading), its subchapters (<c>##</c> headings,
/// each with an id, numbered 3.1, 3.2 …) and its blocks (fenced blocks named by kind with an id, their
/// body YAML), into segments of sanitised HTML and typed blocks.
/// </summary>
public static partial class ChapterReader
{
    private const string Token = "LANTERN-BLOCK-7f3a9e-";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ChapterContent? Read(ImportContext context, string file, string id, int number, bool assessed)
    {
        ArgumentNullException.ThrowIfNull(context);
        string text;
        try
        {
            text = StrictUtf8.GetString(context.Source.Files[file]).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            context.Problems.Add(file, null, "This file is not UTF-8 text. Save it as UTF-8 in your editor.");
            return null;
        }

        var before = context.Problems.Items.Count;
        var document = Markdown.Parse(CourseMarkdown.Cite(text, context, file, 1), CourseMarkdown.Pipeline);
        CourseMarkdown.CheckImages(document, context, file, 1);

        string? title = null;
        var subchapters = new List<Subchapter>();
        var blocks = new List<Model.Block?>();
        var headingLevel = 1;
        foreach (var block in document.ToList())
        {
            var line = block.Line + 1;
            switch (block)
            {
                case HeadingBlock { Level: 1 } heading:
                    if (title is null && ReferenceEquals(block, document.FirstOrDefault(b => b is not LinkReferenceDefinitionGroup)))
                    {
                        title = Plain(heading.Inline);
                    }
                    else
                    {
                        context.Problems.Add(file, line, "Only the first line of a chapter may be a ‘# ’ heading (the chapter's title). Make this a ‘## ’ subchapter or a ‘### ’ heading.");
                    }

                    document.Remove(block);
                    break;

                case HeadingBlock { Level: 2 } heading:
                    var subId = heading.GetAttributes().Id;
                    if (string.IsNullOrEmpty(subId))
                    {
                        context.Problems.Add(file, line, "A subchapter (‘## ’ heading) needs an id: end the line with {#an-id}, for example ‘## Online safety {#online-safety}’.");
                    }
                    else if (!CourseRules.IsValidId(subId))
                    {
                        context.Problems.Add(file, line, $"‘{subId}’ is not a usable id. {CourseRules.IdAdvice}");
                    }
                    else if (context.ClaimId(subId, file, line))
                    {
                        var subNumber = $"{number}.{subchapters.Count + 1}";
                        subchapters.Add(new Subchapter(subId, subNumber, Plain(heading.Inline)));
                        if (heading.Inline?.FirstChild is { } first)
                        {
                            first.InsertBefore(new LiteralInline(subNumber + " "));
                        }
                    }

                    headingLevel = 2;
                    break;

                case HeadingBlock heading:
                    headingLevel = heading.Level;
                    break;

                case FencedCodeBlock fenced when !string.IsNullOrWhiteSpace(fenced.Info):
                    var read = ReadBlock(context, file, fenced, Math.Min(headingLevel + 1, 4));
                    var index = document.IndexOf(block);
                    document.RemoveAt(index);
                    if (read is not null)
                    {
                        document.Insert(index, new ParagraphBlock { Inline = new ContainerInline().AppendChild(new LiteralInline(Token + blocks.Count)) });
                        blocks.Add(read);
                    }

                    break;
            }
        }

        if (title is null)
        {
            context.Problems.Add(file, 1, "The chapter has no title. Make its first line ‘# ’ followed by the title.");
        }

        if (context.Problems.Items.Count > before)
        {
            return null;
        }

        var html = context.Sanitizer.Sanitize(CourseMarkdown.Render(document));
        var segments = new List<Segment>();
        var at = 0;
        foreach (Match match in BlockToken().Matches(html))
        {
            AddHtml(segments, html[at..match.Index]);
            var block = (Model.Block)blocks[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]!;
            segments.Add(new Segment(block.RenderedPerRequest ? null : Blocks.StaticBlockHtml.Render(block), block));
            at = match.Index + match.Length;
        }

        AddHtml(segments, html[at..]);
        return new ChapterContent(id, number, title!, assessed, subchapters, segments);
    }

    private static Model.Block? ReadBlock(ImportContext context, string file, FencedCodeBlock fenced, int headingLevel)
    {
        var line = fenced.Line + 1;
        var kind = fenced.Info!.Trim();
        var id = IdArgument().Match(fenced.Arguments ?? string.Empty) is { Success: true } m ? m.Groups[1].Value : null;
        if (!BlockReader.Kinds.Contains(kind))
        {
            context.Problems.Add(file, line, $"‘{kind}’ is not a kind of block. Use one of: {string.Join(", ", BlockReader.Kinds)}. To show text as it is typed, start the fence with ``` alone.");
            return null;
        }

        if (id is null)
        {
            context.Problems.Add(file, line, $"This {kind} block has no id. Write it on the opening line, for example ```{kind} id=my-{kind}.");
            return null;
        }

        if (!CourseRules.IsValidId(id))
        {
            context.Problems.Add(file, line, $"‘{id}’ is not a usable id. {CourseRules.IdAdvice}");
            return null;
        }

        if (!context.ClaimId(id, file, line))
        {
            return null;
        }

        var yaml = fenced.Lines.ToString();
        var map = YamlMap.Parse(yaml, file, line, context.Problems, $"{kind} block ‘{id}’");
        return map is null ? null : BlockReader.Read(kind, id, headingLevel, map, context);
    }

    private static void AddHtml(List<Segment> segments, string html)
    {
        if (!string.IsNullOrWhiteSpace(html))
        {
            segments.Add(new Segment(html.Trim(), null));
        }
    }

    private static string Plain(ContainerInline? inline) =>
        inline is null ? string.Empty : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    [GeneratedRegex(@"<p class=""govuk-body"">LANTERN-BLOCK-7f3a9e-(\d+)</p>", RegexOptions.CultureInvariant)]
    private static partial Regex BlockToken();

    [GeneratedRegex(@"(?:^|\s)id=([^\s]+)", RegexOptions.CultureInvariant)]
    private static partial Regex IdArgument();
}
