using Lantern.Courses.Model;

namespace Lantern.Courses.Blocks;

/// <summary>
/// Marks an answer to a knowledge check on the server. An answer that is missing, names an option the
/// question does not have, or gives two items the same place is not marked: it comes back with a
/// message saying what to do.
/// </summary>
public static class CheckMarker
{
    /// <summary>Marks the option ids chosen (single, multiple, true-false) or, for ordering, the position given to each item id (1 = first).</summary>
    public static CheckMarking Mark(CheckBlock question, IReadOnlyList<string> chosen, IReadOnlyDictionary<string, string> positions)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(positions);
        return question.Type switch
        {
            CheckKind.Ordering => MarkOrder(question, positions),
            _ => MarkChoice(question, chosen),
        };
    }

    private static CheckMarking MarkChoice(CheckBlock question, IReadOnlyList<string> chosen)
    {
        var picked = chosen.Where(c => !string.IsNullOrEmpty(c)).ToList();
        if (picked.Count == 0)
        {
            return CheckMarking.Invalid(question.Type == CheckKind.MultipleChoice ? "Select all the answers you think are right" : "Select an answer");
        }

        if (picked.Any(p => question.Option(p) is null) || picked.Distinct(StringComparer.Ordinal).Count() != picked.Count)
        {
            return CheckMarking.Invalid("That answer is not one of the options. Choose from the options shown");
        }

        if (question.Type != CheckKind.MultipleChoice && picked.Count > 1)
        {
            return CheckMarking.Invalid("Select one answer only");
        }

        var set = picked.ToHashSet(StringComparer.Ordinal);
        var results = question.Options.Select(o => new OptionResult(o, set.Contains(o.Id), null)).ToList();
        var right = question.Options.All(o => o.Correct == set.Contains(o.Id));
        return new CheckMarking(right, null, results);
    }

    private static CheckMarking MarkOrder(CheckBlock question, IReadOnlyDictionary<string, string> positions)
    {
        var count = question.Options.Count;
        var given = new Dictionary<string, int>(StringComparer.Ordinal);
        if (positions.Keys.Any(k => question.Option(k) is null))
        {
            return CheckMarking.Invalid("That answer names an item the question does not have. Put the items shown in order");
        }

        foreach (var option in question.Options)
        {
            if (!positions.TryGetValue(option.Id, out var text) || string.IsNullOrEmpty(text))
            {
                return CheckMarking.Invalid($"Give every item a position from 1 to {count}");
            }

            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position) || position < 1 || position > count)
            {
                return CheckMarking.Invalid($"Give every item a position from 1 to {count}");
            }

            given[option.Id] = position;
        }

        if (given.Values.Distinct().Count() != count)
        {
            return CheckMarking.Invalid($"Give each item a different position from 1 to {count}");
        }

        var results = question.Options.Select((o, i) => new OptionResult(o, given[o.Id] == i + 1, given[o.Id])).ToList();
        return new CheckMarking(results.All(r => r.Chosen), null, results);
    }

    /// <summary>
    /// The order items are shown in: not the right order, but the same on every page view (so a reader
    /// who comes back sees what they saw). A stable shuffle by the items' ids.
    /// </summary>
    public static IReadOnlyList<CheckOption> PresentedOrder(CheckBlock question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Type != CheckKind.Ordering)
        {
            return question.Options;
        }

        var shuffled = question.Options.OrderBy(o => StableHash(question.Id + "/" + o.Id)).ToList();
        if (shuffled.Select(o => o.Id).SequenceEqual(question.Options.Select(o => o.Id)))
        {
            shuffled.Reverse();
        }

        return shuffled;
    }

    private static uint StableHash(string text)
    {
        // FNV-1a: string.GetHashCode differs between runs, and the order must not.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

/// <summary>
/// The marking of one answer: right or not, and for every option whether it was chosen (for ordering:
/// whether it was put in its place, and where). <see cref="Error"/> is set when the answer could not be marked.
/// </summary>
public sealed record CheckMarking(bool Right, string? Error, IReadOnlyList<OptionResult> Options)
{
    public static CheckMarking Invalid(string error) => new(false, error, []);

    public bool IsValid => Error is null;
}

/// <summary>
/// One option of a marked answer. <see cref="Chosen"/>: for choices, the reader chose it; for ordering,
/// the reader put it in its right place. <see cref="Position"/>: for ordering, the place the reader gave it.
/// </summary>
public sealed record OptionResult(CheckOption Option, bool Chosen, int? Position);
