using System.Security.Claims;
using Lantern.Accounts.Users;
using Lantern.Shared;
using Microsoft.AspNetCore.Http;

namespace Lantern.Tests.Shared;

public sealed class NavigationTests
{
    private static ClaimsPrincipal Person(bool passedMfa, params string[] roles)
    {
        var claims = roles.Select(r => new Claim(ClaimTypes.Role, r)).ToList();
        if (passedMfa)
        {
            claims.Add(new Claim(LanternClaims.AuthenticationMethod, LanternClaims.MultiFactor));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public void A_learner_sees_home_and_their_account_only() =>
        Assert.Equal(["Home", "Learn", "My training", "Your account"], Navigation.For(Person(false, Roles.Learner)).Select(i => i.Text));

    [Fact]
    public void An_organisation_admin_also_sees_people_and_locations() =>
        Assert.Equal(["Home", "Learn", "My training", "Concerns waiting", "People", "Locations", "Audit log", "Safeguarding settings", "Learning statements", "Your account"], Navigation.For(Person(true, Roles.Learner, Roles.OrganisationAdmin)).Select(i => i.Text));

    [Fact]
    public void A_safeguarding_lead_sees_the_concerns_waiting() =>
        Assert.Equal(["Home", "Learn", "My training", "Concerns waiting", "Your account"], Navigation.For(Person(true, Roles.Learner, Roles.Dsl)).Select(i => i.Text));

    [Fact]
    public void A_case_role_sees_no_navigation_until_the_second_factor_is_done() =>
        Assert.Empty(Navigation.For(Person(false, Roles.Learner, Roles.Dsl)));

    [Fact]
    public void A_visitor_sees_the_public_courses_and_signing_in() =>
        Assert.Equal(["/learn", "/sign-in"], Navigation.For(new ClaimsPrincipal(new ClaimsIdentity())).Select(i => i.Href));

    [Theory]
    [InlineData("/", "/", true)]
    [InlineData("/", "/account", false)]
    [InlineData("/admin/people", "/admin/people/0192a000-0000-7000-8000-000000000001", true)]
    [InlineData("/admin/people", "/admin/locations", false)]
    public void The_current_item_is_the_one_whose_section_the_page_is_in(string href, string path, bool current) =>
        Assert.Equal(current, new NavigationItem("x", href, _ => true).IsCurrent(new PathString(path)));
}
