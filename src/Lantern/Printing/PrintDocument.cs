namespace Lantern.Printing;

/// <summary>
/// A document to print as a tagged PDF: its title and language, the header every page carries, and its
/// blocks in reading order. Independent of courses, so books, certificates and referrals can share it.
/// </summary>
public sealed record PrintDocument(string Title, string Language, IReadOnlyList<PrintBlock> Blocks)
{
    /// <summary>The person or organisation the document is by (the PDF's Author).</summary>
    public string? Author { get; init; }

    /// <summary>What the document is about (the PDF's Subject).</summary>
    public string? Subject { get; init; }

    /// <summary>
    /// Shown at the top of every page, in order: e.g. the site's name, course, book, "Printed by", date and time.
    /// A field with no label is shown as its value alone (the site's name, say).
    /// </summary>
    public IReadOnlyList<PrintHeaderField> Header { get; init; } = [];

    /// <summary>Shown on the left of every page's footer; the page number ("Page 3 of 12") is on the right.</summary>
    public string? Footer { get; init; }
}
