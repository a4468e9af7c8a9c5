using Lantern.Accounts.Users;

namespace Lantern.Tests.Accounts;

public sealed class RolesTests
{
    [Theory]
    [InlineData(Roles.Dsl)]
    [InlineData(Roles.DeputyDsl)]
    [InlineData(Roles.TrainingManager)]
    [InlineData(Roles.OrganisationAdmin)]
    [InlineData(Roles.PartnershipAnalyst)]
    public void Roles_that_see_sensitive_information_require_a_second_factor(string role) =>
        Assert.True(Roles.RequireMfa([Roles.Learner, role]));

    [Fact]
    public void Learners_and_course_authors_do_not() =>
        Assert.False(Roles.RequireMfa([Roles.Learner, Roles.CourseAuthor]));

    [Fact]
    public void An_unknown_role_name_requires_nothing_and_finds_nothing()
    {
        Assert.False(Roles.RequireMfa(["Administrator"]));
        Assert.Null(Roles.Find("Administrator"));
    }

    [Fact]
    public void There_are_seven_roles_with_distinct_names_ids_and_titles()
    {
        Assert.Equal(7, Roles.All.Count);
        Assert.Equal(7, Roles.All.Select(r => r.Name).Distinct().Count());
        Assert.Equal(7, Roles.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(7, Roles.All.Select(r => r.Title).Distinct().Count());
    }
}
