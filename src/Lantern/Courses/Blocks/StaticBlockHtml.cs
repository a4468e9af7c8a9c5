using System.Text;
using System.Text.Encodings.Web;
using Lantern.Courses.Model;

namespace Lantern.Courses.Blocks;

/// <summary>
/// The HTML of the blocks that read the same for everyone (reveal, video, slides, chart, resources,
/// quote), rendered once at import and kept with the version. Author text arrives here already
/// sanitised (the *Html fields); plain text is encoded.
/// </summary>
public static class StaticBlockHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Render(Block block) => block switch
    {
        RevealBlock b => Reveal(b),
        VideoBlock b => Video(b),
        SlidesBlock b => Slides(b),
        ChartBlock b => Chart(b),
        ResourcesBlock b => Resources(b),
        QuoteBlock b => Quote(b),
        _ => throw new ArgumentException($"{block?.GetType().Name} is rendered per request.", nameof(block)),
    };

    public static string Heading(Block block, string text, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        var size = block.HeadingLevel <= 2 ? "govuk-heading-l" : block.HeadingLevel == 3 ? "govuk-heading-m" : "govuk-heading-s";
        return $"<h{block.HeadingLevel} class=\"{size}\" id=\"{id ?? block.ElementId + "-title"}\">{Encoder.Encode(text)}</h{block.HeadingLevel}>";
    }

    private static string Sub(Block block) => "h" + Math.Min(block.HeadingLevel + 1, 6);

    private static string Reveal(RevealBlock b) =>
        $"""
        <details class="govuk-details lantern-block" id="{b.ElementId}">
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{Encoder.Encode(b.Question)}</span></summary>
        <div class="govuk-details__text">{b.AnswerHtml}</div>
        </details>
        """;

    private static string Video(VideoBlock b)
    {
        var sub = Sub(b);
        var html = new StringBuilder();
        html.Append(CultureInfo($"<section class=\"lantern-block lantern-video\" id=\"{b.ElementId}\" aria-labelledby=\"{b.ElementId}-title\">"));
        html.Append(Heading(b, b.Title));
        html.Append(CultureInfo($"<video class=\"lantern-video__player\" controls preload=\"metadata\" aria-describedby=\"{b.ElementId}-about\">"));
        html.Append(CultureInfo($"<source src=\"{Encoder.Encode(b.Source)}\" type=\"{b.ContentType}\">"));
        html.Append(CultureInfo($"<track kind=\"captions\" src=\"{Encoder.Encode(b.Captions)}\" srclang=\"{Encoder.Encode(b.CaptionsLanguage)}\" label=\"Captions\" default>"));
        if (b.Descriptions is not null)
        {
            html.Append(CultureInfo($"<track kind=\"descriptions\" src=\"{Encoder.Encode(b.Descriptions)}\" srclang=\"{Encoder.Encode(b.CaptionsLanguage)}\" label=\"Audio description\">"));
        }

        html.Append("<p class=\"govuk-body\">Your browser cannot play this video. Everything in it is in the transcript below.</p></video>");
        html.Append(CultureInfo($"<p class=\"govuk-body-s\" id=\"{b.ElementId}-about\">Captions are on. "));
        html.Append(b.Descriptions is not null
            ? "A described-video track tells what is shown, for people who cannot see it."
            : "Everything shown in this video is also said in it, so nothing is lost without the picture.");
        html.Append(" The full transcript follows.</p>");
        html.Append(CultureInfo($"<{sub} class=\"govuk-heading-s\">Transcript: {Encoder.Encode(b.Title)}</{sub}>"));
        html.Append(CultureInfo($"<div class=\"lantern-video__transcript\">{b.TranscriptHtml}</div></section>"));
        return html.ToString();
    }

    private static string Slides(SlidesBlock b)
    {
        var sub = Sub(b);
        var html = new StringBuilder();
        html.Append(CultureInfo($"<section class=\"lantern-block lantern-slides\" id=\"{b.ElementId}\" aria-labelledby=\"{b.ElementId}-title\" data-module=\"lantern-slides\">"));
        html.Append(Heading(b, b.Title));
        html.Append(CultureInfo($"<p class=\"govuk-body-s\">{b.Slides.Count} slides.</p><ol class=\"lantern-slides__list\">"));
        for (var i = 0; i < b.Slides.Count; i++)
        {
            var slide = b.Slides[i];
            html.Append(CultureInfo($"<li class=\"lantern-slides__slide\" id=\"{b.ElementId}-{i + 1}\"><{sub} class=\"govuk-heading-s\">Slide {i + 1} of {b.Slides.Count}: {Encoder.Encode(slide.Title)}</{sub}>{slide.Html}</li>"));
        }

        html.Append("</ol></section>");
        return html.ToString();
    }

    private static string Chart(ChartBlock b)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo($"<section class=\"lantern-block lantern-chart\" id=\"{b.ElementId}\" aria-labelledby=\"{b.ElementId}-title\">"));
        html.Append(Heading(b, b.Title));
        html.Append(CultureInfo($"<figure class=\"lantern-chart__figure\">{ChartSvg.Draw(b)}<figcaption class=\"lantern-chart__summary\">{b.SummaryHtml}"));
        if (b.SourceHtml is not null)
        {
            html.Append(CultureInfo($"<p class=\"govuk-body-s\">Source: {b.SourceHtml}</p>"));
        }

        html.Append("</figcaption></figure>");
        html.Append(CultureInfo($"<div class=\"lantern-table-wrapper\" role=\"region\" tabindex=\"0\" aria-label=\"Figures for the chart\"><table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Figures for the chart ‘{Encoder.Encode(b.Title)}’</caption>"));
        html.Append(CultureInfo($"<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">{Encoder.Encode(b.CategoryLabel)}</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">{Encoder.Encode(b.ValueLabel)}</th></tr></thead><tbody class=\"govuk-table__body\">"));
        foreach (var bar in b.Data)
        {
            html.Append(CultureInfo($"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{Encoder.Encode(bar.Label)}</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">{ChartSvg.Format(bar.Value)}</td></tr>"));
        }

        html.Append("</tbody></table></div></section>");
        return html.ToString();
    }

    private static string Resources(ResourcesBlock b)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo($"<section class=\"lantern-block\" id=\"{b.ElementId}\" aria-labelledby=\"{b.ElementId}-title\">"));
        html.Append(Heading(b, b.Title));
        html.Append("<ul class=\"govuk-list govuk-list--spaced\">");
        foreach (var item in b.Items)
        {
            html.Append(CultureInfo($"<li><a class=\"govuk-link\" href=\"{Encoder.Encode(item.Url)}\" rel=\"noreferrer\">{Encoder.Encode(item.Title)} ({Encoder.Encode(item.Destination)})</a>"));
            if (item.DescriptionHtml is not null)
            {
                html.Append(CultureInfo($"<div class=\"lantern-resource__description\">{item.DescriptionHtml}</div>"));
            }

            html.Append("</li>");
        }

        html.Append("</ul></section>");
        return html.ToString();
    }

    private static string Quote(QuoteBlock b) =>
        $"""
        <figure class="lantern-block lantern-quote" id="{b.ElementId}">
        <blockquote class="govuk-inset-text lantern-quote__text">{b.Html}</blockquote>
        <figcaption class="govuk-body lantern-quote__source">{Encoder.Encode(b.Attribution)}{(b.CitationHtml is null ? string.Empty : " " + b.CitationHtml)}</figcaption>
        </figure>
        """;

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);
}
