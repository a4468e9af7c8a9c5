using AngleSharp.Dom;
using Ganss.Xss;

namespace Lantern.Courses.Import;

/// <summary>
/// Makes the HTML of an author's Markdown (raw HTML included) safe to serve: no script, no event
/// handlers, no style, no links but http, https, mailto, tel and this site's own paths. Then gives the
/// remaining elements their GOV.UK classes (authors cannot set classes), and wraps tables so a wide one
/// scrolls within itself on a narrow screen instead of the page.
/// </summary>
public sealed class ContentSanitizer
{
    private static readonly Dictionary<string, string> Classes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p"] = "govuk-body",
        ["h2"] = "govuk-heading-l",
        ["h3"] = "govuk-heading-m",
        ["h4"] = "govuk-heading-s",
        ["h5"] = "govuk-heading-s",
        ["h6"] = "govuk-heading-s",
        ["ul"] = "govuk-list govuk-list--bullet",
        ["ol"] = "govuk-list govuk-list--number",
        ["a"] = "govuk-link",
        ["table"] = "govuk-table",
        ["caption"] = "govuk-table__caption govuk-table__caption--m",
        ["thead"] = "govuk-table__head",
        ["tbody"] = "govuk-table__body",
        ["tr"] = "govuk-table__row",
        ["th"] = "govuk-table__header",
        ["td"] = "govuk-table__cell",
        ["blockquote"] = "govuk-inset-text",
        ["hr"] = "govuk-section-break govuk-section-break--visible govuk-section-break--l",
        ["img"] = "lantern-image",
        ["pre"] = "lantern-code",
        ["dl"] = "govuk-summary-list",
    };

    private static readonly string[] Forbidden =
    [
        "form", "input", "button", "select", "option", "textarea", "label", "fieldset", "legend", "style", "link", "meta",
        "iframe", "frame", "frameset", "object", "embed", "applet", "base", "script", "noscript", "template", "svg", "math",
        "video", "audio", "source", "track", "canvas", "dialog", "font", "center", "marquee",
    ];

    private readonly HtmlSanitizer _sanitizer;

    public ContentSanitizer()
    {
        _sanitizer = new HtmlSanitizer();
        foreach (var tag in Forbidden)
        {
            _sanitizer.AllowedTags.Remove(tag);
        }

        _sanitizer.AllowedAttributes.Add("id");
        _sanitizer.AllowedAttributes.Remove("class");
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedAttributes.Remove("tabindex");
        _sanitizer.AllowedAttributes.Remove("accesskey");
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
        {
            _sanitizer.AllowedSchemes.Add(scheme);
        }

        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedAtRules.Clear();
        _sanitizer.PostProcessDom += (_, e) => Style(e.Document.Body);
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    private static void Style(IElement? body)
    {
        if (body is null)
        {
            return;
        }

        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            var tag = element.LocalName;
            if (Classes.TryGetValue(tag, out var classes))
            {
                element.SetAttribute("class", classes);
            }

            if (tag == "a" && element.GetAttribute("href") is { } href && !href.StartsWith('/') && !href.StartsWith('#'))
            {
                // Same tab (WCAG G201 is about warning of new windows; we open none), no referrer.
                element.RemoveAttribute("target");
                element.SetAttribute("rel", "noreferrer");
            }

            if (tag == "img" && element.GetAttribute("src") is { } src && !src.StartsWith("/learn/", StringComparison.Ordinal))
            {
                // Only the course's own media: pictures from elsewhere are blocked by the content security policy anyway.
                element.Remove();
            }

            if (tag == "table" && element.ParentElement is { } parent)
            {
                var wrapper = element.Owner!.CreateElement("div");
                wrapper.SetAttribute("class", "lantern-table-wrapper");

                // A wide table scrolls inside this region at 320 px; the region takes focus so it scrolls by keyboard too.
                wrapper.SetAttribute("role", "region");
                wrapper.SetAttribute("tabindex", "0");
                wrapper.SetAttribute("aria-label", element.QuerySelector("caption")?.TextContent.Trim() is { Length: > 0 } caption ? caption : "Table");
                parent.InsertBefore(wrapper, element);
                wrapper.AppendChild(element);
            }
        }
    }
}
