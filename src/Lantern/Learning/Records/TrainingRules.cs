namespace Lantern.Learning.Records;

/// <summary>
/// The one state machine of learning records (issue 6): Not started → In progress → Complete (valid
/// until a date) → Due soon (valid, ending within the due-soon window) → Expired; separately Overdue,
/// when an assignment's due date has passed with no completion. Shown with the precedence Overdue,
/// Expired, Due soon, In progress, Not started, Complete. Used by My training, the matrix, the exports
/// and the reminders alike.
/// </summary>
public static class TrainingRules
{
    public const int DefaultDueSoonDays = 60;

    /// <summary>A safeguarding course with no refresher period of its own is taken again every 12 months.</summary>
    public const int DefaultRefresherMonths = 12;

    /// <summary>The designated safeguarding lead's own training is taken again every 24 months.</summary>
    public const int DefaultDslRefresherMonths = 24;

    public const int MaxRefresherMonths = 120;

    public static TrainingState Evaluate(TrainingFacts facts, DateOnly today, int dueSoonDays = DefaultDueSoonDays)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonDays);
        var overdue = facts.CompletedOn is null && facts.DueOn is { } due && due < today;
        var status = overdue ? TrainingStatus.Overdue
            : facts.CompletedOn is not null && facts.ValidUntil is { } until && until <= today ? TrainingStatus.Expired
            : facts.CompletedOn is not null && facts.ValidUntil is { } soon && soon <= today.AddDays(dueSoonDays) ? TrainingStatus.DueSoon
            : facts.CompletedOn is null && facts.Started ? TrainingStatus.InProgress
            : facts.CompletedOn is null ? TrainingStatus.NotStarted
            : TrainingStatus.Complete;
        return new TrainingState(status, facts.CompletedOn, facts.ValidUntil, facts.DueOn);
    }

    /// <summary>The last day a completion is valid is the day before this one: it ends on the same date months later.</summary>
    public static DateOnly? ValidUntil(DateOnly completedOn, int? refresherMonths) =>
        refresherMonths is > 0 ? completedOn.AddMonths(refresherMonths.Value) : null;

    /// <summary>
    /// The refresher period that applies to a person: the organisation's setting for the course and one
    /// of the person's roles (the shortest, when several roles have one), else the organisation's setting
    /// for the course, else the course file's, else 12 months.
    /// </summary>
    public static int RefresherMonths(int? courseDefault, int? organisationSetting, IEnumerable<int> roleSettings) =>
        RefresherMonths(courseDefault, organisationSetting, roleSettings, dslTraining: false);

    /// <summary>
    /// As above; for the designated safeguarding lead's own training (<paramref name="dslTraining"/>, a
    /// face-to-face DSL course recorded as training done elsewhere) the default is 24 months, not the
    /// course file's or 12: Keeping Children Safe in Education (Annex C) asks that the DSL and
    /// deputies update their training at least every two years. The organisation's settings still win.
    /// </summary>
    public static int RefresherMonths(int? courseDefault, int? organisationSetting, IEnumerable<int> roleSettings, bool dslTraining)
    {
        ArgumentNullException.ThrowIfNull(roleSettings);
        var byRole = roleSettings.Where(m => m > 0).DefaultIfEmpty(0).Min();
        return byRole > 0 ? byRole
            : organisationSetting is > 0 ? organisationSetting.Value
            : dslTraining ? DefaultDslRefresherMonths
            : courseDefault is > 0 ? courseDefault.Value
            : DefaultRefresherMonths;
    }

    /// <summary>The per cent of assessed questions answered right, rounded down; 100 when a course has none.</summary>
    public static int Score(int right, int questions) => questions <= 0 ? 100 : right * 100 / questions;

    public static string Text(TrainingStatus status) => status switch
    {
        TrainingStatus.Overdue => "Overdue",
        TrainingStatus.Expired => "Expired",
        TrainingStatus.DueSoon => "Due soon",
        TrainingStatus.InProgress => "In progress",
        TrainingStatus.NotStarted => "Not started",
        _ => "Complete",
    };

    public static string TagClass(TrainingStatus status) => "govuk-tag " + status switch
    {
        TrainingStatus.Overdue => "govuk-tag--red",
        TrainingStatus.Expired => "govuk-tag--red",
        TrainingStatus.DueSoon => "govuk-tag--yellow",
        TrainingStatus.InProgress => "govuk-tag--light-blue",
        TrainingStatus.NotStarted => "govuk-tag--grey",
        _ => "govuk-tag--green",
    };

    /// <summary>The share of people compliant, as a whole per cent (rounded down); null when nobody counts.</summary>
    public static int? CompliancePercent(int compliant, int counted) => counted == 0 ? null : compliant * 100 / counted;
}
