using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lantern.Courses.Import;

/// <summary>
/// A YAML mapping read field by field, each problem reported with its file and line (the line of the
/// file, also for YAML inside a fenced block of a chapter). Unknown keys are problems, so a misspelt
/// setting is never silently ignored.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly ProblemList _problems;

    private YamlMap(YamlMappingNode node, string file, int lineOffset, ProblemList problems)
    {
        _node = node;
        File = file;
        LineOffset = lineOffset;
        _problems = problems;
    }

    public string File { get; }

    public int LineOffset { get; }

    public int Line => LineOf(_node);

    /// <summary>Parses a YAML document that must be a mapping; null (with the problem listed) when it is not.</summary>
    public static YamlMap? Parse(string text, string file, int lineOffset, ProblemList problems, string what)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add(file, (int)e.Start.Line + lineOffset, $"The {what} is not valid YAML: {Plain(e)} Check the indentation and put text with a colon or a leading bracket in quotes.");
            return null;
        }
        catch (InvalidOperationException)
        {
            // The parser gives up without a position on some broken input (an unclosed bracket, say): find it by scanning.
            problems.Add(file, FailingLine(text) + lineOffset, $"The {what} is not valid YAML. Check the brackets, quotes and indentation on this line; put text that starts with a bracket in quotes.");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            problems.Add(file, lineOffset + 1, $"The {what} must be a list of settings written as ‘name: value’ lines.");
            return null;
        }

        return new YamlMap(map, file, lineOffset, problems);
    }

    public int LineOf(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return (int)node.Start.Line + LineOffset;
    }

    public void Problem(string message, YamlNode? at = null) => _problems.Add(File, at is null ? Line : LineOf(at), message);

    public int LineOfKey(string key) => _node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } node ? LineOf(node) : Line;

    public void OnlyKeys(params string[] known)
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                _problems.Add(File, LineOf(key), $"‘{name}’ is not a setting here. Check the spelling; the settings allowed are: {string.Join(", ", known)}.");
            }
        }
    }

    public bool Has(string key) => Node(key) is not null;

    public string? Text(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Problem($"‘{key}’ is missing. Add a line ‘{key}: …’.");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Problem($"‘{key}’ must be text, not a list.", node);
            return null;
        }

        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Problem($"‘{key}’ is empty. Write its text after the colon.", node);
            }

            return null;
        }

        return value;
    }

    /// <summary>Text kept as written (for Markdown: line breaks matter), with the line it starts on.</summary>
    public (string Text, int Line)? Markdown(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        var node = (YamlScalarNode)Node(key)!;
        var line = LineOf(node) + (node.Style is ScalarStyle.Literal or ScalarStyle.Folded ? 1 : 0);
        return (node.Value!, line);
    }

    public string? Id(string key, bool required = true)
    {
        var id = Text(key, required);
        if (id is not null && !CourseRules.IsValidId(id))
        {
            Problem($"‘{id}’ is not a usable id. {CourseRules.IdAdvice}", Node(key));
            return null;
        }

        return id;
    }

    public bool Flag(string key, bool otherwise = false)
    {
        var text = Text(key);
        if (text is null)
        {
            return otherwise;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem($"‘{key}’ must be true or false.", Node(key));
        return otherwise;
    }

    public int? Whole(string key, int min, int max)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problem($"‘{key}’ must be a whole number from {min} to {max}.", Node(key));
        return null;
    }

    public decimal? Number(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        Problem($"‘{key}’ must be a number of 0 or more, written with digits (for example 70 or 2.5).", Node(key));
        return null;
    }

    public IReadOnlyList<string> Texts(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return [];
        }

        if (node is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode))
        {
            return list.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).Where(v => v.Length > 0).ToList();
        }

        Problem($"‘{key}’ must be a list of words, for example [all-staff, volunteers].", node);
        return [];
    }

    /// <summary>A list of mappings (‘- name: value’ items).</summary>
    public IReadOnlyList<YamlMap> List(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Problem($"‘{key}’ is missing. Add ‘{key}:’ followed by its items, each starting with ‘- ’.");
            }

            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            Problem($"‘{key}’ must be a list, each item starting with ‘- ’.", node);
            return [];
        }

        var items = new List<YamlMap>();
        foreach (var child in list.Children)
        {
            if (child is YamlMappingNode map)
            {
                items.Add(new YamlMap(map, File, LineOffset, _problems));
            }
            else
            {
                Problem($"Each item of ‘{key}’ must be a group of ‘name: value’ lines.", child);
            }
        }

        if (required && items.Count == 0)
        {
            Problem($"‘{key}’ has no items. Add at least one.", node);
        }

        return items;
    }

    private YamlNode? Node(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static int FailingLine(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            while (scanner.MoveNext())
            {
            }
        }
        catch (Exception e) when (e is InvalidOperationException or YamlException)
        {
            return (int)scanner.CurrentPosition.Line;
        }

        return 1;
    }

    private static string Plain(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return (close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message).TrimEnd('.') + ".";
    }
}
