using Lantern.Screening.Catalogue;

namespace Lantern.Concerns.Recording;

/// <summary>
/// What a draft still needs before it can be submitted, step by step, each with the message the
/// person sees. The step pages check the same things as they are answered.
/// </summary>
public static class ConcernDraftCheck
{
    public static IReadOnlyList<(string Step, string Message)> Missing(ConcernDraftContent content, DateOnly today, IReadOnlyList<DateOnly?> datesOfBirth)
    {
        ArgumentNullException.ThrowIfNull(content);
        var missing = new List<(string, string)>();
        if (content.ImmediateDanger is not ("yes" or "no"))
        {
            missing.Add((RecordingSteps.Danger, "Answer whether a child is in immediate danger"));
        }

        if (content.AboutStaff is not ("yes" or "no") || (content.IsAboutStaff && !Guid.TryParse(content.SubjectPersonId, out _)))
        {
            missing.Add((RecordingSteps.Staff, "Answer whether this is about a member of staff or volunteer, and if so who"));
        }

        if (content.ChildIds.Count + content.NewChildren.Count == 0)
        {
            missing.Add((RecordingSteps.Children, "Add the child or children the concern is about"));
        }

        foreach (var problem in WhatHappenedProblems(content, today, datesOfBirth))
        {
            missing.Add((RecordingSteps.WhatHappened, problem.Message));
        }

        return missing;
    }

    /// <summary>The what-happened step's problems, keyed by the field they belong to.</summary>
    public static IReadOnlyList<(string Field, string Message)> WhatHappenedProblems(ConcernDraftContent content, DateOnly today, IReadOnlyList<DateOnly?> datesOfBirth)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<(string, string)>();
        if (content.Categories.Count == 0)
        {
            problems.Add(("Categories", "Select what the concern is about"));
        }
        else if (content.Categories.Any(c => !Enum.GetNames<ConcernCategory>().Contains(c, StringComparer.Ordinal)))
        {
            problems.Add(("Categories", "Select what the concern is about from the list"));
        }

        if (string.IsNullOrWhiteSpace(content.WhatHappened))
        {
            problems.Add(("WhatHappened", "Enter what you saw or heard"));
        }
        else if (content.WhatHappened.Length > ConcernRules.WhatHappenedMaxLength)
        {
            problems.Add(("WhatHappened", $"What you saw or heard must be {ConcernRules.WhatHappenedMaxLength:N0} characters or fewer"));
        }

        if (content.ChildsWords?.Length > ConcernRules.WhatHappenedMaxLength)
        {
            problems.Add(("ChildsWords", $"The child's own words must be {ConcernRules.WhatHappenedMaxLength:N0} characters or fewer"));
        }

        if (DateParts.IsEmpty(content.OccurredDay, content.OccurredMonth, content.OccurredYear))
        {
            problems.Add(("OccurredDay", "Enter the date it happened"));
        }
        else if (DateParts.Read(content.OccurredDay, content.OccurredMonth, content.OccurredYear) is not { } on)
        {
            problems.Add(("OccurredDay", "The date it happened must be a real date, like 27 3 2026"));
        }
        else if (ConcernRules.ProblemWithOccurredOn(on, today, datesOfBirth) is { } problem)
        {
            problems.Add(("OccurredDay", problem));
        }

        if (!string.IsNullOrWhiteSpace(content.OccurredTime) && DateParts.ReadTime(content.OccurredTime) is null)
        {
            problems.Add(("OccurredTime", "Enter the time as hours and minutes on the 24-hour clock, like 14:30"));
        }

        AddLength(problems, "Where", "Where it happened", content.Where, ConcernRules.ShortTextMaxLength);
        AddLength(problems, "WhoWasPresent", "Who was there", content.WhoWasPresent, ConcernRules.LongTextMaxLength);
        AddLength(problems, "RaisedBy", "Who raised it", content.RaisedBy, ConcernRules.ShortTextMaxLength);
        AddLength(problems, "Indicators", "Anything else you noticed", content.Indicators, ConcernRules.LongTextMaxLength);
        return problems;
    }

    /// <summary>
    /// What is wrong with the ticked warning signs, given the catalogue version they were chosen from
    /// (null when the draft names no version the organisation has); null when nothing is wrong.
    /// </summary>
    public static string? IndicatorProblem(ConcernDraftContent content, CatalogueContent? catalogue)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.IndicatorIds.Count == 0)
        {
            return null;
        }

        if (catalogue is null)
        {
            return "The list of warning signs you chose from is not your organisation's. Tick the signs you noticed again.";
        }

        var active = catalogue.Indicators.Where(i => !i.Retired).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return content.IndicatorIds.All(active.Contains)
            ? null
            : "Choose the signs you noticed from the list of warning signs. Something you sent is not in it.";
    }

    public static void AddLength(List<(string, string)> problems, string field, string label, string? value, int max)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value?.Length > max)
        {
            problems.Add((field, $"{label} must be {max:N0} characters or fewer"));
        }
    }
}
