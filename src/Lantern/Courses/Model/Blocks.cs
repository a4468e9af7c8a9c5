using System.Text.Json.Serialization;

namespace Lantern.Courses.Model;

/// <summary>
/// A block of a chapter beyond text, written by the author as a fenced block with an id. Stored as
/// JSON with its kind; the print view and learning records read the same model as the pages.
/// <see cref="HeadingLevel"/> is the level its own heading takes where it stands (h2 under the
/// chapter title, h3 inside a subchapter).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RevealBlock), "reveal")]
[JsonDerivedType(typeof(CheckBlock), "check")]
[JsonDerivedType(typeof(CaseStudyBlock), "case-study")]
[JsonDerivedType(typeof(VideoBlock), "video")]
[JsonDerivedType(typeof(SlidesBlock), "slides")]
[JsonDerivedType(typeof(ChartBlock), "chart")]
[JsonDerivedType(typeof(ResourcesBlock), "resources")]
[JsonDerivedType(typeof(ProductLinkBlock), "product-link")]
[JsonDerivedType(typeof(QuoteBlock), "quote")]
public abstract record Block(string Id, int HeadingLevel)
{
    /// <summary>Whether the block's HTML depends on the request (who reads, what they answered).</summary>
    [JsonIgnore]
    public virtual bool RenderedPerRequest => false;

    /// <summary>The element id of the block on the page.</summary>
    [JsonIgnore]
    public string ElementId => "block-" + Id;
}

/// <summary>A question whose answer the reader opens when ready (a details element: no script needed).</summary>
public sealed record RevealBlock(string Id, int HeadingLevel, string Question, string AnswerHtml) : Block(Id, HeadingLevel);

public enum CheckKind
{
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    Ordering,
}

/// <summary>
/// A knowledge-check question, marked on the server. The options carry whether they are right and
/// their feedback: never sent to the page before the reader answers. For ordering, the options are
/// listed in the right order and shown in another.
/// </summary>
public sealed record CheckBlock(
    string Id,
    int HeadingLevel,
    CheckKind Type,
    string Question,
    string? HintHtml,
    IReadOnlyList<CheckOption> Options) : Block(Id, HeadingLevel)
{
    public override bool RenderedPerRequest => true;

    public CheckOption? Option(string id) => Options.FirstOrDefault(o => o.Id == id);
}

public sealed record CheckOption(string Id, string Text, bool Correct, string? FeedbackHtml);

/// <summary>A branching scenario: steps with choices, each choice with feedback and the step it leads to.</summary>
public sealed record CaseStudyBlock(
    string Id,
    int HeadingLevel,
    string Title,
    string? IntroHtml,
    string Start,
    IReadOnlyList<CaseStep> Steps) : Block(Id, HeadingLevel)
{
    public override bool RenderedPerRequest => true;

    public CaseStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>A step of a case study; one without choices ends it.</summary>
public sealed record CaseStep(string Id, string? Title, string Html, string? Question, IReadOnlyList<CaseChoice> Choices);

public sealed record CaseChoice(string Id, string Text, string FeedbackHtml, string? Next);

/// <summary>A local video with captions, a transcript on the page, and described video or a declaration that the audio says it all (WCAG 1.2.5).</summary>
public sealed record VideoBlock(
    string Id,
    int HeadingLevel,
    string Title,
    string Source,
    string ContentType,
    string Captions,
    string CaptionsLanguage,
    string? Descriptions,
    bool AudioDescribesEverything,
    string TranscriptHtml) : Block(Id, HeadingLevel);

/// <summary>A slide deck or step-through: a list of sections without script, one at a time with it.</summary>
public sealed record SlidesBlock(string Id, int HeadingLevel, string Title, IReadOnlyList<Slide> Slides) : Block(Id, HeadingLevel);

public sealed record Slide(string Title, string Html);

/// <summary>A bar chart drawn as SVG at import from the numbers written in the chapter, with its data table and summary.</summary>
public sealed record ChartBlock(
    string Id,
    int HeadingLevel,
    string Title,
    string SummaryHtml,
    string? SourceHtml,
    string CategoryLabel,
    string ValueLabel,
    IReadOnlyList<ChartBar> Data) : Block(Id, HeadingLevel);

public sealed record ChartBar(string Label, decimal Value);

/// <summary>Links to read further, each naming where it leads.</summary>
public sealed record ResourcesBlock(string Id, int HeadingLevel, string Title, IReadOnlyList<ResourceLink> Items) : Block(Id, HeadingLevel);

public sealed record ResourceLink(string Title, string Url, string Destination, string? DescriptionHtml);

/// <summary>A link to a page of Lantern by name, shown to those who may open it; others see the page's stated alternative.</summary>
public sealed record ProductLinkBlock(string Id, int HeadingLevel, string Page, string? IntroHtml) : Block(Id, HeadingLevel)
{
    public override bool RenderedPerRequest => true;
}

/// <summary>A quotation, word for word, with whom it is from and its citation.</summary>
public sealed record QuoteBlock(string Id, int HeadingLevel, string Html, string Attribution, string? CitationHtml) : Block(Id, HeadingLevel);
