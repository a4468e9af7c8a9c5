using PdfSharp.Drawing;

namespace Lantern.Printing;

/// <summary>One stretch of a laid-out line in one font, placed at <see cref="X"/> from the line's start.</summary>
internal sealed record TextSegment(string Text, XFont Font, Uri? Link, double X, double Width);

/// <summary>One laid-out line of text.</summary>
internal sealed record TextLine(IReadOnlyList<TextSegment> Segments, double Width);

/// <summary>The fonts of one size of text: plain, bold, italic, bold italic and links.</summary>
internal sealed class FontSet(double size)
{
    private readonly Dictionary<(PrintRunStyle, bool), XFont> _fonts = [];

    public double Size { get; } = size;

    public XFont For(PrintRunStyle style, bool link = false)
    {
        if (!_fonts.TryGetValue((style, link), out var font))
        {
            font = PrintFonts.Create(Size, style, underline: link);
            _fonts[(style, link)] = font;
        }

        return font;
    }
}

/// <summary>
/// Breaks runs of text into lines that fit a width: at spaces, at line feeds, and inside a word only when
/// the word alone is wider than the line (a long web address, say). Nothing is dropped or cut off.
/// </summary>
internal static class TextFlow
{
    public static List<TextLine> Break(IReadOnlyList<PrintRun> runs, FontSet fonts, double width, PdfCanvas canvas, PrintRunStyle emphasis = PrintRunStyle.Plain)
    {
        var lines = new List<TextLine>();
        var builder = new LineBuilder(lines);
        foreach (var word in Words(runs))
        {
            if (word.LineBreak)
            {
                builder.Finish(force: true, keepSpace: true);
                continue;
            }

            var pieces = word.Pieces.Select(p => (p.Text, Font: fonts.For(Combine(p.Style, emphasis), p.Link is not null), p.Link)).ToList();
            var wordWidth = pieces.Sum(p => canvas.Width(p.Text, p.Font));
            var space = word.SpaceBefore && !builder.Empty ? canvas.Width(" ", pieces[0].Font) : 0;
            if (!builder.Empty && builder.X + space + wordWidth > width)
            {
                builder.Finish(force: false, keepSpace: true);
                space = 0;
            }

            if (wordWidth <= width || !builder.Empty)
            {
                builder.Add(pieces, space, canvas);
                continue;
            }

            // A word wider than the line: break it between characters, as many as fit on each line.
            foreach (var (text, font, link) in pieces)
            {
                var rest = text;
                while (rest.Length > 0)
                {
                    var fit = Fitting(rest, font, width - builder.X, canvas);
                    if (fit == 0)
                    {
                        if (builder.Empty)
                        {
                            fit = char.IsHighSurrogate(rest[0]) && rest.Length > 1 ? 2 : 1;
                        }
                        else
                        {
                            builder.Finish(force: false, keepSpace: false);
                            continue;
                        }
                    }

                    builder.Add([(rest[..fit], font, link)], 0, canvas);
                    rest = rest[fit..];
                    if (rest.Length > 0)
                    {
                        builder.Finish(force: false, keepSpace: false);
                    }
                }
            }
        }

        builder.Finish(force: false, keepSpace: false);
        if (lines.Count == 0)
        {
            lines.Add(new TextLine([], 0));
        }

        return lines;
    }

    private static PrintRunStyle Combine(PrintRunStyle style, PrintRunStyle emphasis)
    {
        var bold = style is PrintRunStyle.Bold or PrintRunStyle.BoldItalic || emphasis is PrintRunStyle.Bold or PrintRunStyle.BoldItalic;
        var italic = style is PrintRunStyle.Italic or PrintRunStyle.BoldItalic || emphasis is PrintRunStyle.Italic or PrintRunStyle.BoldItalic;
        return (bold, italic) switch
        {
            (true, true) => PrintRunStyle.BoldItalic,
            (true, false) => PrintRunStyle.Bold,
            (false, true) => PrintRunStyle.Italic,
            _ => PrintRunStyle.Plain,
        };
    }

    /// <summary>How many leading characters of <paramref name="text"/> fit in <paramref name="room"/> points.</summary>
    private static int Fitting(string text, XFont font, double room, PdfCanvas canvas)
    {
        int low = 0, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (canvas.Width(text[..mid], font) <= room)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        // Never split a surrogate pair (an emoji, say) between lines.
        if (low > 0 && low < text.Length && char.IsLowSurrogate(text[low]))
        {
            low--;
        }

        return low;
    }

    private sealed record Piece(string Text, PrintRunStyle Style, Uri? Link);

    private sealed record Word(List<Piece> Pieces, bool SpaceBefore, bool LineBreak);

    /// <summary>Words are the text between white space; one word may span runs ("bold," is two pieces).</summary>
    private static IEnumerable<Word> Words(IReadOnlyList<PrintRun> runs)
    {
        List<Piece>? pieces = null;
        var spaceBefore = false;
        var pendingSpace = false;
        foreach (var run in runs)
        {
            var text = run.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var end = i == text.Length;
                var c = end ? ' ' : text[i];
                // Control characters (a stray NUL or escape pasted into a course) print as spaces.
                var white = !end && (c == '\n' || char.IsWhiteSpace(c) || char.IsControl(c));
                if (!end && !white)
                {
                    if (start < 0)
                    {
                        start = i;
                    }

                    continue;
                }

                if (start >= 0)
                {
                    if (pieces is null)
                    {
                        pieces = [];
                        spaceBefore = pendingSpace;
                        pendingSpace = false;
                    }

                    pieces.Add(new Piece(text[start..i], run.Style, run.Link));
                    start = -1;
                }

                if (white)
                {
                    if (pieces is not null)
                    {
                        yield return new Word(pieces, spaceBefore, false);
                        pieces = null;
                    }

                    if (c == '\n')
                    {
                        yield return new Word([], false, true);
                        pendingSpace = false;
                    }
                    else
                    {
                        pendingSpace = true;
                    }
                }
            }
        }

        if (pieces is not null)
        {
            yield return new Word(pieces, spaceBefore, false);
        }
    }

    private sealed class LineBuilder(List<TextLine> lines)
    {
        private readonly List<TextSegment> _segments = [];

        public double X { get; private set; }

        public bool Empty => _segments.Count == 0;

        public void Add(IEnumerable<(string Text, XFont Font, Uri? Link)> pieces, double space, PdfCanvas canvas)
        {
            var first = true;
            foreach (var (text, font, link) in pieces)
            {
                var gap = first ? space : 0;
                first = false;
                var width = canvas.Width(text, font);
                var last = _segments.Count > 0 ? _segments[^1] : null;
                if (last is not null && ReferenceEquals(last.Font, font) && last.Link == link)
                {
                    // Same font and link: one segment, with the space written out.
                    var joined = gap > 0 ? last.Text + " " + text : last.Text + text;
                    _segments[^1] = last with { Text = joined, Width = X + gap + width - last.X };
                }
                else if (gap > 0 && last is not null && last.Link is null)
                {
                    // The space is written at the end of the previous segment, so the text reads "and always"
                    // (not "andalways") when copied or read aloud; where the next segment starts is unchanged.
                    _segments[^1] = last with { Text = last.Text + " ", Width = last.Width + gap };
                    _segments.Add(new TextSegment(text, font, link, X + gap, width));
                }
                else if (gap > 0 && last is not null)
                {
                    // After a link the space opens the next segment instead, so the link's text stays exact.
                    _segments.Add(new TextSegment(" " + text, font, link, X, gap + width));
                }
                else
                {
                    _segments.Add(new TextSegment(text, font, link, X + gap, width));
                }

                X += gap + width;
            }
        }

        public void Finish(bool force, bool keepSpace)
        {
            if (_segments.Count == 0 && !force)
            {
                return;
            }

            if (keepSpace && _segments.Count > 0 && _segments[^1] is { Link: null } last)
            {
                // A line broken at a space keeps that space (invisible at the line's end), so words on
                // either side of the break are not run together when the text is extracted.
                _segments[^1] = last with { Text = last.Text + " " };
            }

            lines.Add(new TextLine([.. _segments], X));
            _segments.Clear();
            X = 0;
        }
    }
}
