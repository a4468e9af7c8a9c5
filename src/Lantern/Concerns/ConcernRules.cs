using System.Globalization;

namespace Lantern.Concerns;

/// <summary>The rules of recording a concern that need no database: references, routing, dates, categories.</summary>
public static class ConcernRules
{
    public const int WhatHappenedMaxLength = 50_000;
    public const int ShortTextMaxLength = 500;
    public const int LongTextMaxLength = 5_000;
    public const int ChildNameMaxLength = 200;
    public const int IndicatorIdsMaxLength = 8_000;

    /// <summary>C-2026-000123: the year it was recorded and its number in the organisation that year.</summary>
    public static string Reference(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"C-{year:D4}-{number:D6}");

    public static IReadOnlyList<ConcernCategory> ParseCategories(string? stored) =>
        string.IsNullOrEmpty(stored)
            ? []
            : stored.Split(',').Select(s => Enum.TryParse<ConcernCategory>(s, out var c) ? (ConcernCategory?)c : null).OfType<ConcernCategory>().ToList();

    public static string FormatCategories(IEnumerable<ConcernCategory> categories) =>
        string.Join(',', categories.Distinct().Order());

    /// <summary>
    /// Where a concern goes. An allegation about a DSL or deputy must not reach the safeguarding leads
    /// (Keeping Children Safe in Education 2025, part four): it goes to the named allegations lead, or,
    /// when none is named (or the lead is the subject), to the organisation admins.
    /// </summary>
    public static (ConcernRoute Route, Guid? RoutedTo) Route(Guid? subjectPersonId, bool subjectIsSafeguardingLead, Guid? allegationsLeadId)
    {
        if (subjectPersonId is null || !subjectIsSafeguardingLead)
        {
            return (ConcernRoute.SafeguardingLeads, null);
        }

        return allegationsLeadId is { } lead && lead != subjectPersonId
            ? (ConcernRoute.AllegationsLead, lead)
            : (ConcernRoute.OrganisationAdmins, null);
    }

    /// <summary>Why a date of a concern cannot be right, or null: not in the future, not before a child involved was born.</summary>
    public static string? ProblemWithOccurredOn(DateOnly occurredOn, DateOnly today, IEnumerable<DateOnly?> datesOfBirth)
    {
        ArgumentNullException.ThrowIfNull(datesOfBirth);
        if (occurredOn > today)
        {
            return "The date it happened must be today or in the past";
        }

        return datesOfBirth.Any(b => b is { } born && occurredOn < born)
            ? "The date it happened must be after the child was born"
            : null;
    }

    public static string? ProblemWithDateOfBirth(DateOnly dateOfBirth, DateOnly today) =>
        dateOfBirth > today ? "Date of birth must be today or in the past"
        : dateOfBirth < today.AddYears(-25) ? "Date of birth must be within the last 25 years"
        : null;

    /// <summary>The child's age on a day, from the date of birth, or the age given then.</summary>
    public static int? AgeOn(DateOnly day, DateOnly? dateOfBirth, int? ageYears, DateOnly? ageGivenOn)
    {
        if (dateOfBirth is { } born)
        {
            var age = day.Year - born.Year;
            return born.AddYears(age) > day ? age - 1 : age;
        }

        return ageYears is { } given && ageGivenOn is { } on ? given + Math.Max(0, AgeOn(day, on, null, null) ?? 0) : ageYears;
    }

    public static string CategoryTitle(ConcernCategory category) => category switch
    {
        ConcernCategory.PhysicalAbuse => "Physical abuse",
        ConcernCategory.EmotionalAbuse => "Emotional abuse",
        ConcernCategory.SexualAbuse => "Sexual abuse",
        ConcernCategory.Neglect => "Neglect",
        ConcernCategory.ChildSexualExploitation => "Child sexual exploitation",
        ConcernCategory.ChildCriminalExploitation => "Child criminal exploitation",
        ConcernCategory.ChildOnChildAbuse => "Child-on-child abuse",
        ConcernCategory.OnlineAbuse => "Online abuse",
        ConcernCategory.DomesticAbuse => "Domestic abuse",
        ConcernCategory.Radicalisation => "Radicalisation",
        ConcernCategory.FemaleGenitalMutilation => "Female genital mutilation",
        _ => "Other",
    };

    public static string DecisionTitle(DecisionType type) => type switch
    {
        DecisionType.NoFurtherAction => "No further action",
        DecisionType.Monitor => "Monitor",
        DecisionType.EarlyHelp => "Early help",
        DecisionType.ReferToChildrensSocialCare => "Refer to children's social care",
        DecisionType.ReferToPolice => "Refer to the police",
        DecisionType.ReferToLado => "Refer to the LADO",
        _ => "Decision not to share",
    };

    public static string YesNoUnknownTitle(YesNoUnknown value) => value switch
    {
        YesNoUnknown.Yes => "Yes",
        YesNoUnknown.No => "No",
        _ => "Not known",
    };
}
