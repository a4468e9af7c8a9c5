using Lantern.Concerns;

namespace Lantern.Tests.Concerns;

public sealed class ConcernRulesTests
{
    private static readonly Guid Subject = Guid.CreateVersion7();
    private static readonly Guid Lead = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void A_reference_is_the_year_and_a_six_digit_number()
    {
        Assert.Equal("C-2026-000123", ConcernRules.Reference(2026, 123));
        Assert.Equal("C-2027-1234567", ConcernRules.Reference(2027, 1_234_567));
    }

    [Fact]
    public void A_concern_about_no_member_of_staff_goes_to_the_safeguarding_leads()
    {
        Assert.Equal((ConcernRoute.SafeguardingLeads, (Guid?)null), ConcernRules.Route(null, subjectIsSafeguardingLead: false, Lead));
    }

    [Fact]
    public void A_concern_about_staff_who_are_not_safeguarding_leads_goes_to_the_safeguarding_leads()
    {
        Assert.Equal((ConcernRoute.SafeguardingLeads, (Guid?)null), ConcernRules.Route(Subject, subjectIsSafeguardingLead: false, Lead));
    }

    [Fact]
    public void An_allegation_about_a_DSL_or_deputy_goes_to_the_allegations_lead_only()
    {
        Assert.Equal((ConcernRoute.AllegationsLead, (Guid?)Lead), ConcernRules.Route(Subject, subjectIsSafeguardingLead: true, Lead));
    }

    [Fact]
    public void An_allegation_about_a_DSL_with_no_allegations_lead_named_goes_to_the_organisation_admins()
    {
        Assert.Equal((ConcernRoute.OrganisationAdmins, (Guid?)null), ConcernRules.Route(Subject, subjectIsSafeguardingLead: true, null));
    }

    [Fact]
    public void An_allegation_about_the_allegations_lead_themselves_goes_to_the_organisation_admins()
    {
        Assert.Equal((ConcernRoute.OrganisationAdmins, (Guid?)null), ConcernRules.Route(Subject, subjectIsSafeguardingLead: true, Subject));
    }

    [Fact]
    public void A_date_in_the_future_is_refused_and_today_is_accepted()
    {
        Assert.NotNull(ConcernRules.ProblemWithOccurredOn(Today.AddDays(1), Today, []));
        Assert.Null(ConcernRules.ProblemWithOccurredOn(Today, Today, []));
    }

    [Fact]
    public void A_date_before_any_child_involved_was_born_is_refused()
    {
        var born = new DateOnly(2015, 6, 1);
        Assert.Equal("The date it happened must be after the child was born", ConcernRules.ProblemWithOccurredOn(born.AddDays(-1), Today, [null, born]));
        Assert.Null(ConcernRules.ProblemWithOccurredOn(born, Today, [null, born]));
    }

    [Fact]
    public void A_date_of_birth_in_the_future_is_refused()
    {
        Assert.NotNull(ConcernRules.ProblemWithDateOfBirth(Today.AddDays(1), Today));
        Assert.Null(ConcernRules.ProblemWithDateOfBirth(new DateOnly(2014, 2, 28), Today));
    }

    [Theory]
    [InlineData("2014-11-29", 12)]
    [InlineData("2014-11-30", 11)]
    [InlineData("2016-02-29", 10)]
    public void Age_counts_whole_years_from_the_date_of_birth(string born, int age)
    {
        Assert.Equal(age, ConcernRules.AgeOn(Today, DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), null, null));
    }

    [Fact]
    public void An_age_given_without_a_date_of_birth_grows_with_the_years_since_it_was_given()
    {
        Assert.Equal(9, ConcernRules.AgeOn(Today, null, 7, Today.AddYears(-2)));
        Assert.Equal(7, ConcernRules.AgeOn(Today, null, 7, Today.AddMonths(-3)));
    }

    [Fact]
    public void Categories_round_trip_in_a_fixed_order_without_duplicates_and_ignore_unknown_names()
    {
        var stored = ConcernRules.FormatCategories([ConcernCategory.Neglect, ConcernCategory.PhysicalAbuse, ConcernCategory.Neglect]);
        Assert.Equal("PhysicalAbuse,Neglect", stored);
        Assert.Equal([ConcernCategory.PhysicalAbuse, ConcernCategory.Neglect], ConcernRules.ParseCategories(stored + ",Made up"));
    }
}
