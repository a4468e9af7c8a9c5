using Lantern.Learning.Records;

namespace Lantern.Tests.Learning;

public sealed class TrainingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static TrainingStatus StatusOf(DateOnly? completed = null, DateOnly? validUntil = null, bool started = false, DateOnly? due = null, int window = 60) =>
        TrainingRules.Evaluate(new TrainingFacts(completed, validUntil, started, due), Today, window).Status;

    [Fact]
    public void Nothing_done_and_nothing_due_is_not_started()
    {
        Assert.Equal(TrainingStatus.NotStarted, StatusOf());
        Assert.Equal(TrainingStatus.NotStarted, TrainingRules.Evaluate(TrainingFacts.None, Today).Status);
    }

    [Fact]
    public void A_chapter_read_without_completion_is_in_progress()
    {
        Assert.Equal(TrainingStatus.InProgress, StatusOf(started: true));
        Assert.Equal(TrainingStatus.InProgress, StatusOf(started: true, due: Today));
    }

    [Fact]
    public void A_due_date_passed_with_no_completion_is_overdue_whether_started_or_not()
    {
        Assert.Equal(TrainingStatus.Overdue, StatusOf(due: Today.AddDays(-1)));
        Assert.Equal(TrainingStatus.Overdue, StatusOf(started: true, due: Today.AddDays(-1)));
    }

    [Fact]
    public void The_due_date_itself_is_not_yet_overdue()
    {
        Assert.Equal(TrainingStatus.NotStarted, StatusOf(due: Today));
    }

    [Fact]
    public void A_completion_valid_beyond_the_window_is_complete()
    {
        Assert.Equal(TrainingStatus.Complete, StatusOf(Today.AddMonths(-1), Today.AddMonths(11)));
        Assert.Equal(TrainingStatus.Complete, StatusOf(Today.AddMonths(-1), Today.AddDays(61)));
    }

    [Fact]
    public void A_completion_that_never_ends_stays_complete()
    {
        Assert.Equal(TrainingStatus.Complete, StatusOf(new DateOnly(2001, 1, 1), null));
    }

    [Fact]
    public void A_completion_ending_within_the_window_is_due_soon_and_still_compliant()
    {
        var state = TrainingRules.Evaluate(new TrainingFacts(Today.AddMonths(-11), Today.AddDays(60), false, null), Today);

        Assert.Equal(TrainingStatus.DueSoon, state.Status);
        Assert.True(state.Compliant);
        Assert.Equal(Today.AddDays(60), state.RefresherDue);
    }

    [Fact]
    public void The_window_is_the_organisations_setting()
    {
        Assert.Equal(TrainingStatus.Complete, StatusOf(Today.AddMonths(-11), Today.AddDays(20), window: 14));
        Assert.Equal(TrainingStatus.DueSoon, StatusOf(Today.AddMonths(-11), Today.AddDays(14), window: 14));
    }

    [Fact]
    public void A_completion_whose_validity_ended_is_expired_and_not_compliant_from_its_last_day_on()
    {
        var state = TrainingRules.Evaluate(new TrainingFacts(Today.AddYears(-1), Today, false, null), Today);

        Assert.Equal(TrainingStatus.Expired, state.Status);
        Assert.False(state.Compliant);
        Assert.Equal(TrainingStatus.DueSoon, StatusOf(Today.AddYears(-1), Today.AddDays(1)));
    }

    [Fact]
    public void An_expired_completion_with_a_passed_assignment_due_date_is_expired_not_overdue()
    {
        // The assignment was met by the completion; its lapse is expiry.
        Assert.Equal(TrainingStatus.Expired, StatusOf(Today.AddYears(-2), Today.AddYears(-1), due: Today.AddYears(-3)));
    }

    [Fact]
    public void Starting_a_refresher_does_not_hide_that_the_old_completion_expired()
    {
        Assert.Equal(TrainingStatus.Expired, StatusOf(Today.AddYears(-2), Today.AddYears(-1), started: true));
    }

    [Theory]
    [InlineData(TrainingStatus.Complete, true)]
    [InlineData(TrainingStatus.DueSoon, true)]
    [InlineData(TrainingStatus.Expired, false)]
    [InlineData(TrainingStatus.Overdue, false)]
    [InlineData(TrainingStatus.InProgress, false)]
    [InlineData(TrainingStatus.NotStarted, false)]
    public void Only_complete_and_due_soon_are_compliant(TrainingStatus status, bool compliant)
    {
        Assert.Equal(compliant, new TrainingState(status, null, null, null).Compliant);
    }

    [Fact]
    public void Statuses_are_ordered_by_the_precedence_they_are_shown_with()
    {
        Assert.Equal(
            [TrainingStatus.Overdue, TrainingStatus.Expired, TrainingStatus.DueSoon, TrainingStatus.InProgress, TrainingStatus.NotStarted, TrainingStatus.Complete],
            Enum.GetValues<TrainingStatus>().Order());
    }

    [Fact]
    public void Validity_ends_the_refresher_period_after_completion_and_a_period_of_none_never_ends()
    {
        Assert.Equal(new DateOnly(2027, 11, 29), TrainingRules.ValidUntil(Today, 12));
        Assert.Equal(new DateOnly(2027, 2, 28), TrainingRules.ValidUntil(new DateOnly(2025, 2, 28), 24));
        Assert.Equal(new DateOnly(2026, 2, 28), TrainingRules.ValidUntil(new DateOnly(2025, 11, 30), 3));
        Assert.Null(TrainingRules.ValidUntil(Today, null));
        Assert.Null(TrainingRules.ValidUntil(Today, 0));
    }

    [Fact]
    public void The_refresher_period_is_the_roles_setting_then_the_organisations_then_the_courses_then_twelve_months()
    {
        Assert.Equal(24, TrainingRules.RefresherMonths(12, 18, [24]));
        Assert.Equal(6, TrainingRules.RefresherMonths(12, 18, [24, 6]));
        Assert.Equal(18, TrainingRules.RefresherMonths(12, 18, []));
        Assert.Equal(36, TrainingRules.RefresherMonths(36, null, []));
        Assert.Equal(12, TrainingRules.RefresherMonths(null, null, []));
        Assert.Equal(12, TrainingRules.RefresherMonths(0, 0, [0]));
    }

    [Fact]
    public void The_designated_safeguarding_leads_own_training_lasts_24_months_unless_the_organisation_says_otherwise()
    {
        Assert.Equal(24, TrainingRules.RefresherMonths(null, null, [], dslTraining: true));
        Assert.Equal(TrainingRules.DefaultDslRefresherMonths, TrainingRules.RefresherMonths(0, 0, [0], dslTraining: true));

        // The course file's period is for reading the book in Lantern, not for a DSL's own course elsewhere.
        Assert.Equal(24, TrainingRules.RefresherMonths(12, null, [], dslTraining: true));
        Assert.Equal(12, TrainingRules.RefresherMonths(12, null, [], dslTraining: false));

        // The organisation's setting wins, and a setting for a role wins over that.
        Assert.Equal(36, TrainingRules.RefresherMonths(12, 36, [], dslTraining: true));
        Assert.Equal(18, TrainingRules.RefresherMonths(12, 36, [18], dslTraining: true));
        Assert.Equal(12, TrainingRules.RefresherMonths(null, null, []));
    }

    [Fact]
    public void Compliance_is_a_whole_per_cent_of_those_counted_and_none_when_nobody_counts()
    {
        Assert.Equal(66, TrainingRules.CompliancePercent(2, 3));
        Assert.Equal(100, TrainingRules.CompliancePercent(3, 3));
        Assert.Null(TrainingRules.CompliancePercent(0, 0));
    }
}
