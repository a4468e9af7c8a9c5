using Lantern.Courses.Blocks;
using Lantern.Courses.Model;

namespace Lantern.Courses.Import;

/// <summary>Reads the YAML body of each kind of block into its typed form, listing every problem with its line.</summary>
public static class BlockReader
{
    public static IReadOnlyList<string> Kinds { get; } = ["reveal", "check", "case-study", "video", "slides", "chart", "resources", "product-link", "quote"];

    public static Block? Read(string kind, string id, int headingLevel, YamlMap map, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(context);
        var before = context.Problems.Items.Count;
        Block? block = kind switch
        {
            "reveal" => Reveal(id, headingLevel, map, context),
            "check" => Check(id, headingLevel, map, context),
            "case-study" => CaseStudy(id, headingLevel, map, context),
            "video" => Video(id, headingLevel, map, context),
            "slides" => Slides(id, headingLevel, map, context),
            "chart" => Chart(id, headingLevel, map, context),
            "resources" => Resources(id, headingLevel, map, context),
            "product-link" => ProductLink(id, headingLevel, map, context),
            "quote" => Quote(id, headingLevel, map, context),
            _ => null,
        };
        return context.Problems.Items.Count > before ? null : block;
    }

    private static string? Md(YamlMap map, string key, ImportContext context, bool required = false) =>
        map.Markdown(key, required) is { } text ? CourseMarkdown.Fragment(text.Text, context, map.File, text.Line) : null;

    private static RevealBlock? Reveal(string id, int level, YamlMap map, ImportContext context)
    {
        map.OnlyKeys("question", "answer");
        var question = map.Text("question", required: true);
        var answer = Md(map, "answer", context, required: true);
        return question is null || answer is null ? null : new RevealBlock(id, level, question, answer);
    }

    private static CheckBlock? Check(string id, int level, YamlMap map, ImportContext context)
    {
        var type = map.Text("type", required: true);
        var question = map.Text("question", required: true);
        var hint = Md(map, "hint", context);
        switch (type)
        {
            case "single" or "multiple":
                {
                    map.OnlyKeys("type", "question", "hint", "options");
                    var options = Options(map, "options", context, withCorrect: true);
                    var right = options.Count(o => o.Correct);
                    if (options.Count < 2)
                    {
                        map.Problem("A question needs at least two options under ‘options:’.");
                    }
                    else if (type == "single" && right != 1)
                    {
                        map.Problem($"A single-choice question needs exactly one option with ‘correct: true’; this one has {right}. Use ‘type: multiple’ if more than one is right.");
                    }
                    else if (type == "multiple" && right == 0)
                    {
                        map.Problem("A multiple-choice question needs at least one option with ‘correct: true’.");
                    }

                    return question is null ? null : new CheckBlock(id, level, type == "single" ? CheckKind.SingleChoice : CheckKind.MultipleChoice, question, hint, options);
                }

            case "true-false":
                {
                    map.OnlyKeys("type", "question", "hint", "answer", "feedback-true", "feedback-false");
                    var answer = map.Text("answer", required: true);
                    if (answer is not null && !bool.TryParse(answer, out _))
                    {
                        map.Problem("‘answer’ must be true or false.");
                    }

                    var isTrue = map.Flag("answer");
                    var whenTrue = Md(map, "feedback-true", context, required: true);
                    var whenFalse = Md(map, "feedback-false", context, required: true);
                    return question is null ? null : new CheckBlock(id, level, CheckKind.TrueFalse, question, hint,
                        [new CheckOption("true", "True", isTrue, whenTrue), new CheckOption("false", "False", !isTrue, whenFalse)]);
                }

            case "ordering":
                {
                    map.OnlyKeys("type", "question", "hint", "items");
                    var items = Options(map, "items", context, withCorrect: false);
                    if (items.Count < 2)
                    {
                        map.Problem("An ordering question needs at least two items under ‘items:’, written in the right order.");
                    }

                    return question is null ? null : new CheckBlock(id, level, CheckKind.Ordering, question, hint, items);
                }

            case null:
                return null;

            default:
                map.Problem($"‘{type}’ is not a type of question. Use single, multiple, true-false or ordering.");
                return null;
        }
    }

    private static List<CheckOption> Options(YamlMap map, string key, ImportContext context, bool withCorrect)
    {
        var options = new List<CheckOption>();
        foreach (var item in map.List(key, required: true))
        {
            item.OnlyKeys(withCorrect ? ["id", "text", "correct", "feedback"] : ["id", "text", "feedback"]);
            var optionId = item.Id("id");
            var text = item.Text("text", required: true);
            var feedback = Md(item, "feedback", context, required: withCorrect);
            if (optionId is not null && options.Any(o => o.Id == optionId))
            {
                item.Problem($"Two options of this question have the id ‘{optionId}’. Give each its own.");
            }

            if (optionId is not null && text is not null)
            {
                options.Add(new CheckOption(optionId, text, !withCorrect || item.Flag("correct"), feedback));
            }
        }

        return options;
    }

    private static CaseStudyBlock? CaseStudy(string id, int level, YamlMap map, ImportContext context)
    {
        map.OnlyKeys("title", "intro", "start", "steps");
        var title = map.Text("title", required: true);
        var intro = Md(map, "intro", context);
        var steps = new List<CaseStep>();
        var nexts = new List<(YamlMap At, string Next)>();
        foreach (var item in map.List("steps", required: true))
        {
            item.OnlyKeys("id", "title", "text", "question", "choices");
            var stepId = item.Id("id");
            var text = Md(item, "text", context, required: true);
            var choices = new List<CaseChoice>();
            foreach (var choice in item.List("choices"))
            {
                choice.OnlyKeys("id", "text", "feedback", "next");
                var choiceId = choice.Id("id");
                var choiceText = choice.Text("text", required: true);
                var feedback = Md(choice, "feedback", context, required: true);
                var next = choice.Id("next", required: false);
                if (next is not null)
                {
                    nexts.Add((choice, next));
                }

                if (choiceId is not null && choices.Any(c => c.Id == choiceId))
                {
                    choice.Problem($"Two choices of this step have the id ‘{choiceId}’. Give each its own.");
                }

                if (choiceId is not null && choiceText is not null && feedback is not null)
                {
                    choices.Add(new CaseChoice(choiceId, choiceText, feedback, next));
                }
            }

            var question = item.Text("question");
            if (choices.Count > 0 && question is null)
            {
                item.Problem("A step with choices needs a ‘question:’ that the choices answer.");
            }

            if (stepId is not null && steps.Any(s => s.Id == stepId))
            {
                item.Problem($"Two steps have the id ‘{stepId}’. Give each its own.");
            }

            if (stepId is not null && text is not null)
            {
                steps.Add(new CaseStep(stepId, item.Text("title"), text, question, choices));
            }
        }

        foreach (var (at, next) in nexts.Where(n => steps.All(s => s.Id != n.Next)))
        {
            at.Problem($"‘next: {next}’ names no step of this case study. Use the id of one of its steps.");
        }

        var start = map.Id("start", required: false) ?? steps.FirstOrDefault()?.Id;
        if (start is not null && steps.Count > 0 && steps.All(s => s.Id != start))
        {
            map.Problem($"‘start: {start}’ names no step of this case study.");
        }

        return title is null || start is null ? null : new CaseStudyBlock(id, level, title, intro, start, steps);
    }

    private static VideoBlock? Video(string id, int level, YamlMap map, ImportContext context)
    {
        map.OnlyKeys("title", "src", "captions", "language", "descriptions", "audio-describes-everything", "transcript");
        var title = map.Text("title", required: true);
        var src = map.Text("src", required: true);
        var source = context.Media(src, map.File, map.LineOfKey("src"), "video");
        if (src is not null && Path.GetExtension(src).ToLowerInvariant() is not (".webm" or ".mp4"))
        {
            map.Problem("A video must be a .webm or .mp4 file.");
        }

        var captionsPath = map.Text("captions");
        if (captionsPath is null)
        {
            map.Problem("This video has no captions. Add ‘captions: media/….vtt’, a WebVTT file of everything said and every sound that matters.");
        }

        var captions = Vtt(map, "captions", captionsPath, context);
        var descriptionsPath = map.Text("descriptions");
        var descriptions = Vtt(map, "descriptions", descriptionsPath, context);
        var audioSaysAll = map.Flag("audio-describes-everything");
        if (descriptionsPath is null && !audioSaysAll)
        {
            map.Problem("This video needs described video for people who cannot see it: add ‘descriptions: media/….vtt’ (a WebVTT file of what is seen), or, if everything seen is also said, ‘audio-describes-everything: true’.");
        }

        var transcript = map.Markdown("transcript");
        if (transcript is null)
        {
            map.Problem("This video has no transcript. Add ‘transcript: |’ followed by everything said and shown, in order.");
        }

        var transcriptHtml = transcript is { } t ? CourseMarkdown.Fragment(t.Text, context, map.File, t.Line) : null;
        return title is null || source is null || captions is null || transcriptHtml is null
            ? null
            : new VideoBlock(id, level, title, source, CourseRules.MediaTypes[Path.GetExtension(src!)], captions, map.Text("language") ?? "en", descriptions, audioSaysAll, transcriptHtml);
    }

    private static string? Vtt(YamlMap map, string key, string? path, ImportContext context)
    {
        if (path is null)
        {
            return null;
        }

        var line = map.LineOfKey(key);
        if (!path.EndsWith(".vtt", StringComparison.OrdinalIgnoreCase))
        {
            map.Problem($"‘{key}’ must be a WebVTT file ending in .vtt.");
            return null;
        }

        var url = context.Media(path, map.File, line, key == "captions" ? "captions file" : "descriptions file");
        if (url is not null && !System.Text.Encoding.UTF8.GetString(context.Source.Files[path]).TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            context.Problems.Add(path, 1, "This is not a WebVTT file: its first line must be WEBVTT.");
            return null;
        }

        return url;
    }

    private static SlidesBlock? Slides(string id, int level, YamlMap map, ImportContext context)
    {
        map.OnlyKeys("title", "slides");
        var title = map.Text("title", required: true);
        var slides = new List<Slide>();
        foreach (var item in map.List("slides", required: true))
        {
            item.OnlyKeys("title", "text");
            var slideTitle = item.Text("title", required: true);
            var text = Md(item, "text", context, required: true);
            if (slideTitle is not null && text is not null)
            {
                slides.Add(new Slide(slideTitle, text));
            }
        }

        return title is null || slides.Count == 0 ? null : new SlidesBlock(id, level, title, slides);
    }

    private static ChartBlock? Chart(string id, int level, YamlMap map, ImportContext context)
    {
        map.OnlyKeys("type", "title", "summary", "source", "category-label", "value-label", "data");
        if (map.Text("type") is { } type && type != "bar")
        {
            map.Problem($"‘{type}’ is not a kind of chart Lantern draws. Use ‘type: bar’ (or leave ‘type’ out).");
        }

        var title = map.Text("title", required: true);
        var summary = Md(map, "summary", context, required: true);
        var source = map.Markdown("source") is { } s ? CourseMarkdown.Inline(s.Text, context, map.File, s.Line) : null;
        var categories = map.Text("category-label", required: true);
        var values = map.Text("value-label", required: true);
        var data = new List<ChartBar>();
        foreach (var item in map.List("data", required: true))
        {
            item.OnlyKeys("label", "value");
            var label = item.Text("label", required: true);
            var value = item.Number("value", required: true);
            if (label is not null && value is not null)
            {
                data.Add(new ChartBar(label, value.Value));
            }
        }

        return title is null || summary is null || categories is null || values is null || data.Count == 0
            ? null
            : new ChartBlock(id, level, title, summary, source, categories, values, data);
    }

    private static ResourcesBlock? Resources(string id, int level, YamlMap map, ImportContext context)
    {
        map.OnlyKeys("title", "items");
        var title = map.Text("title", required: true);
        var items = new List<ResourceLink>();
        foreach (var item in map.List("items", required: true))
        {
            item.OnlyKeys("title", "url", "destination", "description");
            var linkTitle = item.Text("title", required: true);
            var url = item.Text("url", required: true);
            var destination = item.Text("destination");
            if (destination is null)
            {
                item.Problem("Each resource needs ‘destination:’, naming where the link goes (for example ‘NSPCC website’), so readers know before they follow it.");
            }

            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                item.Problem($"‘{url}’ is not a web address. Write it in full, starting with https://.");
                url = null;
            }

            var description = Md(item, "description", context);
            if (linkTitle is not null && url is not null && destination is not null)
            {
                items.Add(new ResourceLink(linkTitle, url, destination, description));
            }
        }

        return title is null || items.Count == 0 ? null : new ResourcesBlock(id, level, title, items);
    }

    private static ProductLinkBlock? ProductLink(string id, int level, YamlMap map, ImportContext context)
    {
        map.OnlyKeys("page", "intro");
        var page = map.Text("page", required: true);
        if (page is not null && ProductPages.Find(page) is null)
        {
            map.Problem($"‘{page}’ is not a page of Lantern a course can link to. Use one of: {string.Join(", ", ProductPages.All.Select(p => p.Name))}.");
            return null;
        }

        var intro = Md(map, "intro", context);
        return page is null ? null : new ProductLinkBlock(id, level, page, intro);
    }

    private static QuoteBlock? Quote(string id, int level, YamlMap map, ImportContext context)
    {
        map.OnlyKeys("text", "attribution", "cite");
        var text = Md(map, "text", context, required: true);
        var attribution = map.Text("attribution", required: true);
        var cite = map.Text("cite");
        string? citation = null;
        if (cite is not null)
        {
            citation = CourseMarkdown.Inline($"[@{cite}]", context, map.File, map.LineOfKey("cite"));
        }

        return text is null || attribution is null ? null : new QuoteBlock(id, level, text, attribution, citation);
    }
}
