using System.Net;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Audit;

/// <summary>/admin/audit: the admin's own organisation's entries, newest first, by the page, filtered by person and record; nobody else's.</summary>
public abstract class AuditLogPageTests(LanternApp app)
{
    public static TheoryData<string> RolesOtherThanAdmin => new(Roles.All.Select(r => r.Name).Where(r => r != Roles.OrganisationAdmin));

    [Fact]
    public async Task An_admin_sees_who_did_what_newest_first_with_names_for_people()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var me = await PersonAsync(DemoPeople.EmailFor(Roles.OrganisationAdmin));
        var learner = await PersonAsync(DemoPeople.EmailFor(Roles.Learner));
        await AuditChain.AppendAsync(app.Services, me.OrganisationId, "concern.read", AuditActions.Person(learner.Id), "concern:0190-first");
        await AuditChain.AppendAsync(app.Services, me.OrganisationId, "concern.create", "concern:0190-second");

        var page = await admin.GetPageAsync("/admin/audit");

        Assert.Equal("Audit log", page.Text("h1"));
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("concern.create", rows[0], StringComparison.Ordinal);
        Assert.Contains("concern.read", rows[1], StringComparison.Ordinal);
        Assert.Contains(DemoPeople.NameFor(Roles.Learner), rows[1], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"tbody a[href='/admin/people/{learner.Id}']"));
        var mine = (await admin.GetPageAsync($"/admin/audit?person={me.Id}")).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(mine, r => r.Contains("Signed in", StringComparison.Ordinal) && r.Contains(me.DisplayName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filtering_by_person_shows_only_what_they_did_and_by_record_only_entries_naming_it()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var me = await PersonAsync(DemoPeople.EmailFor(Roles.OrganisationAdmin));
        var record = $"concern:{Guid.NewGuid()}";
        await AuditChain.AppendAsync(app.Services, me.OrganisationId, "concern.read", record);
        await AuditChain.AppendAsync(app.Services, me.OrganisationId, "concern.read", "concern:other");
        await AuditChain.AppendAsync(app.Services, me.OrganisationId, "concern.update", "child:1", record);

        var byRecord = await admin.GetPageAsync($"/admin/audit?record={Uri.EscapeDataString(record)}");
        Assert.Equal(["concern.update", "concern.read"], byRecord.QuerySelectorAll("tbody tr .lantern-audit-action").Select(a => a.TextContent.Trim()));
        Assert.Equal(record, byRecord.QuerySelector("input[name='Record']")!.GetAttribute("value"));

        var byPerson = await admin.GetPageAsync($"/admin/audit?person={me.Id}");
        var who = byPerson.QuerySelectorAll("tbody tr .lantern-audit-who").Select(w => w.TextContent.Trim()).Distinct().ToList();
        Assert.Equal([me.DisplayName], who);
        Assert.NotNull(byPerson.QuerySelector($"option[value='{me.Id}'][selected]"));
    }

    [Fact]
    public async Task Entries_come_a_page_at_a_time_with_links_between_pages()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var me = await PersonAsync(DemoPeople.EmailFor(Roles.OrganisationAdmin));
        var record = $"paging:{Guid.NewGuid()}";
        for (var i = 0; i < AuditLogModel.PageSize + 5; i++)
        {
            await AuditChain.AppendAsync(app.Services, me.OrganisationId, "concern.read", record);
        }

        var first = await admin.GetPageAsync($"/admin/audit?record={record}");
        Assert.Equal(AuditLogModel.PageSize, first.QuerySelectorAll("tbody tr").Length);
        var next = first.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        Assert.Null(first.QuerySelector("a[rel='prev']"));

        var second = await admin.GetPageAsync(next);
        Assert.Equal(5, second.QuerySelectorAll("tbody tr").Length);
        Assert.Null(second.QuerySelector("a[rel='next']"));
        Assert.NotNull(second.QuerySelector("a[rel='prev']"));
    }

    [Fact]
    public async Task Another_organisations_entries_are_never_shown_even_when_asked_for_by_record_or_person()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var other = Guid.NewGuid();
        var record = $"concern:{Guid.NewGuid()}";
        await AuditChain.AppendAsync(app.Services, other, "concern.read", record);
        await AuditChain.AppendAsync(app.Services, null, "signin.failed", record);

        var byRecord = await admin.GetPageAsync($"/admin/audit?record={record}");
        Assert.Empty(byRecord.QuerySelectorAll("tbody tr"));
        Assert.Contains("No entries match", byRecord.Text("main"), StringComparison.Ordinal);

        var stranger = await AddOtherOrganisationPersonAsync();
        using var byPerson = await admin.GetAsync(new Uri($"/admin/audit?person={stranger}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, byPerson.StatusCode);
        Assert.Equal(["Select a person from the list"], (await Html.ParseAsync(byPerson)).ErrorSummary());
    }

    [Theory]
    [InlineData("person=not-a-guid", "Select a person from the list")]
    [InlineData("record=no%20colon", "Enter a record as its type and id")]
    [InlineData("record=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Enter a record as its type and id")]
    [InlineData("record=concern%3A1'%3B%20DROP%20TABLE%20%22AuditEntries%22%3B--", "Enter a record as its type and id")]
    public async Task A_filter_that_is_not_right_gets_a_clear_message_and_keeps_what_was_typed(string query, string message)
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);

        using var response = await admin.GetAsync(new Uri($"/admin/audit?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith(message, Assert.Single(page.ErrorSummary()), StringComparison.Ordinal);
        if (query.StartsWith("record=", StringComparison.Ordinal))
        {
            Assert.Equal(Uri.UnescapeDataString(query["record=".Length..]), page.QuerySelector("input[name='Record']")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task A_very_long_record_filter_is_refused_with_a_message()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);

        using var response = await admin.GetAsync(new Uri($"/admin/audit?record=concern:{new string('x', 5000)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(response)).ErrorSummary());
    }

    [Theory]
    [MemberData(nameof(RolesOtherThanAdmin))]
    public async Task Every_other_role_is_refused_and_the_refusal_is_recorded(string role)
    {
        var client = await app.SignedInAsAsync(role);
        var person = await PersonAsync(DemoPeople.EmailFor(role));

        using var response = await client.GetAsync(new Uri("/admin/audit?record=concern:1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var denied = await client.GetAsync(response.Headers.Location!);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var last = (await AuditChain.EntriesAsync(app.Services, person.OrganisationId)).Last(e => e.ActorId == person.Id);
        Assert.Equal(AuditActions.AccessDenied, last.Action);
        Assert.Equal(["page:/admin/audit"], last.RecordList);
    }

    [Fact]
    public async Task Someone_signed_out_is_sent_to_sign_in()
    {
        using var client = app.NewClient();

        using var response = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<LanternUser> PersonAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private async Task<Guid> AddOtherOrganisationPersonAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var other = new Lantern.Accounts.Organisations.Organisation { Name = "Hillside " + Guid.NewGuid().ToString("N")[..6], CreatedAt = TimeProvider.System.GetUtcNow() };
        db.Organisations.Add(other);
        var email = $"someone-{Guid.NewGuid():N}@hillside.example";
        var person = new LanternUser
        {
            OrganisationId = other.Id,
            DisplayName = "Someone Else",
            Email = email,
            UserName = email,
            NormalizedEmail = email.ToUpperInvariant(),
            NormalizedUserName = email.ToUpperInvariant(),
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        db.Users.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    public sealed class OnSqlite(SqliteApp app) : AuditLogPageTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuditLogPageTests(app), IClassFixture<PostgresApp>;
}
