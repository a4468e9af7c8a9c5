using System.Globalization;
using System.Text;
using Lantern.Printing;

namespace Lantern.Tests.Printing;

/// <summary>Documents to print in tests and benchmarks: one of every block, and long ones of generated text.</summary>
public static class SampleDocuments
{
    public static readonly PrintHeaderField[] Header =
    [
        new(null, "Riverside Safeguarding Learning"),
        new("Course", "Child sexual exploitation (CSE)"),
        new("Book", "Recognising and responding"),
        new("Printed by", "Sam Jones"),
        new("Printed", "29 November 2026 at 10:15"),
    ];

    public const string LongParagraph =
        "Child sexual exploitation is a form of child sexual abuse. It occurs where an individual or group takes advantage " +
        "of an imbalance of power to coerce, manipulate or deceive a child or young person under the age of 18 into sexual " +
        "activity in exchange for something the victim needs or wants, or for the financial advantage or increased status of " +
        "the perpetrator or facilitator. The victim may have been sexually exploited even if the sexual activity appears " +
        "consensual. Disabled children are at greater risk, and the signs can be mistaken for features of their impairment.";

    public static PrintDocument EveryBlock()
    {
        // A sunrise: an orange sky fading to yellow above green ground.
        var picture = TestImages.Png(160, 90, (x, y) => y > 60 ? ((byte)40, (byte)120, (byte)60) : ((byte)250, (byte)(120 + (y * 2)), (byte)40));
        return new PrintDocument("Recognising and responding", "en-GB",
        [
            new PrintHeading(1, "Chapter 1: What exploitation looks like"),
            new PrintParagraph(LongParagraph),
            new PrintParagraph(
            [
                "Read the ",
                PrintRun.LinkTo("statutory guidance", new Uri("https://www.gov.uk/government/publications/working-together-to-safeguard-children--2")),
                " and note the words ",
                PrintRun.Bold("always"),
                " and ",
                PrintRun.Italic("never"),
                ".",
            ]),
            new PrintHeading(2, "Warning signs"),
            new PrintList(false,
            [
                new PrintListItem("Going missing from home or from the short-break service"),
                new PrintListItem("Unexplained gifts, money or a new phone",
                    new PrintList(true, [new PrintListItem("Ask where it came from"), new PrintListItem("Write down the answer in the child's words")])),
                new PrintListItem("Older friends or a boyfriend or girlfriend much older than them"),
            ]),
            new PrintHeading(3, "Indicators by domain"),
            new PrintTable("Table 1: Indicators and what to do", ["Domain", "Indicator", "What to do"],
            [
                ["Missing", "Goes missing regularly, returns late", "Record each episode and tell the DSL the same day"],
                ["Online", "Secretive about phone use", "Talk with the child; record what they say"],
                ["Health", "Sexually transmitted infection", "Refer to the DSL at once"],
            ])
            { FirstColumnIsRowHeader = true, ColumnWeights = [1, 2, 2] },
            new PrintFigure(new PrintImage(picture) { MaxWidth = 200 }, "A drawing of the sun rising over a green field", "Figure 1: a new day"),
            new PrintFigure(BarChart(), "Bar chart of concerns by month: January 4, February 7, March 5", "Figure 2: concerns by month"),
            PrintFigure.DecorativeOnly(new PrintDrawing(120, 10, [new PrintBox(0, 0, 120, 10, "#1d70b8")])),
            new PrintQuotation("I didn't think anyone would believe me, so I didn't tell anyone.", "A young person, quoted in the guidance"),
            new PrintNote("Remember", [new PrintParagraph("If a child is in immediate danger, call 999 first. Then tell the DSL.")]),
            new PrintRule(),
            new PrintParagraph("After the rule."),
            new PrintPageBreak(),
            new PrintHeading(1, "Chapter 2: Responding"),
            new PrintParagraph("Listen, reassure, record, report."),
        ])
        {
            Author = "Riverside Safeguarding Learning",
            Subject = "Child sexual exploitation (CSE)",
            Header = Header,
        };
    }

    public static PrintDrawing BarChart()
    {
        (string Month, int Count)[] data = [("Jan", 4), ("Feb", 7), ("Mar", 5)];
        var shapes = new List<PrintShape> { new PrintLine(20, 0, 20, 100, "#0b0c0c"), new PrintLine(20, 100, 200, 100, "#0b0c0c") };
        for (var i = 0; i < data.Length; i++)
        {
            var height = data[i].Count * 12;
            shapes.Add(new PrintBox(35 + (i * 55), 100 - height, 35, height, "#1d70b8"));
            shapes.Add(new PrintLabel(40 + (i * 55), 104, data[i].Month));
        }

        return new PrintDrawing(220, 120, shapes);
    }

    /// <summary>Generated text, a heading every few paragraphs, with a table and list now and then.</summary>
    public static PrintDocument Book(int chapters, int paragraphsPerChapter, bool mixed)
    {
        var random = new Random(2026);
        string[] words = ["child", "safeguarding", "concern", "record", "designated", "lead", "exploitation", "risk", "support", "family", "referral", "service", "staff", "listen", "report", "disabled", "trust", "signs", "the", "and", "of", "to", "a", "in", "is", "that", "with", "their"];
        string Sentence()
        {
            var text = new StringBuilder();
            var count = random.Next(8, 22);
            for (var i = 0; i < count; i++)
            {
                text.Append(i == 0 ? string.Empty : " ").Append(words[random.Next(words.Length)]);
            }

            text[0] = char.ToUpperInvariant(text[0]);
            return text.Append('.').ToString();
        }

        var blocks = new List<PrintBlock>();
        for (var c = 1; c <= chapters; c++)
        {
            blocks.Add(new PrintHeading(1, string.Create(CultureInfo.InvariantCulture, $"Chapter {c}")));
            for (var p = 1; p <= paragraphsPerChapter; p++)
            {
                if (p % 6 == 1)
                {
                    blocks.Add(new PrintHeading(2, string.Create(CultureInfo.InvariantCulture, $"Section {c}.{p / 6 + 1}")));
                }

                blocks.Add(new PrintParagraph(string.Join(' ', Enumerable.Range(0, random.Next(3, 8)).Select(_ => Sentence()))));
                if (mixed && p % 9 == 4)
                {
                    blocks.Add(new PrintList(p % 2 == 0, [.. Enumerable.Range(0, 4).Select(_ => new PrintListItem(Sentence()))]));
                }

                if (mixed && p % 11 == 7)
                {
                    blocks.Add(new PrintTable("Indicators", ["Indicator", "Grade", "Notes"],
                        [.. Enumerable.Range(0, 6).Select(i => (IReadOnlyList<PrintTableCell>)[$"Indicator {i + 1}", "Current", Sentence()])]));
                }

                if (mixed && p % 13 == 9)
                {
                    blocks.Add(new PrintNote("Remember", [new PrintParagraph(Sentence() + " " + Sentence())]));
                }

                if (mixed && p % 17 == 12)
                {
                    blocks.Add(new PrintFigure(BarChart(), "Bar chart of concerns by month: January 4, February 7, March 5"));
                }
            }
        }

        return new PrintDocument("A long book", "en-GB", blocks) { Header = Header };
    }
}
