using System.Net;
using System.Security.Claims;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Audit;

/// <summary>What Lantern records as it is used: sign-ins, failures, sign-outs, admins' changes to people, refused access.</summary>
public abstract class AuditedEventsTests(LanternApp app)
{
    [Fact]
    public async Task A_wrong_password_then_a_sign_in_are_recorded_on_the_persons_chain_and_the_password_is_not()
    {
        var learner = await PersonAsync(DemoPeople.EmailFor(Roles.Learner));
        using var client = app.NewClient();
        var form = await client.GetPageAsync("/sign-in");
        using (await client.SubmitAsync(form, "main form", [new("Input.Email", learner.Email!), new("Input.Password", "Wrong-Password-Typed-1")]))
        {
        }

        await DemoPeople.SignInAsync(client, learner.Email!);

        var entries = await AuditChain.EntriesAsync(app.Services, learner.OrganisationId);
        var failed = entries.Last(e => e.Action == AuditActions.SignInFailed && e.ActorId == learner.Id);
        Assert.Equal("Wrong password", failed.Detail);
        Assert.Equal([AuditActions.Person(learner.Id)], failed.RecordList);
        var succeeded = entries.Last(e => e.Action == AuditActions.SignInSucceeded && e.ActorId == learner.Id);
        Assert.True(succeeded.Sequence > failed.Sequence);
        Assert.DoesNotContain(entries, e => (e.Detail + e.Records).Contains("Wrong-Password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_address_goes_on_the_system_chain_without_the_address()
    {
        using var client = app.NewClient();
        var form = await client.GetPageAsync("/sign-in");
        using (await client.SubmitAsync(form, "main form", [new("Input.Email", "nobody-known@elsewhere.example"), new("Input.Password", "a guess at a password")]))
        {
        }

        var entry = (await AuditChain.EntriesAsync(app.Services, AuditChains.System)).Last();
        Assert.Equal(AuditActions.SignInFailed, entry.Action);
        Assert.Null(entry.ActorId);
        Assert.Equal("Unknown account", entry.Detail);
        Assert.Empty(entry.RecordList);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Records.Contains("nobody-known") || (e.Detail != null && e.Detail.Contains("nobody-known"))));
    }

    [Fact]
    public async Task Signing_out_is_recorded()
    {
        var author = await PersonAsync(DemoPeople.EmailFor(Roles.CourseAuthor));
        using var client = app.NewClient();
        await DemoPeople.SignInAsync(client, author.Email!);

        using (await client.SubmitAsync(await client.GetPageAsync("/sign-out"), "main form", []))
        {
        }

        var last = (await AuditChain.EntriesAsync(app.Services, author.OrganisationId)).Last(e => e.ActorId == author.Id);
        Assert.Equal(AuditActions.SignOut, last.Action);
    }

    [Fact]
    public async Task A_wrong_authenticator_code_at_sign_in_is_recorded()
    {
        await app.SignedInAsAsync(Roles.OrganisationAdmin); // sets up the admin's authenticator
        var admin = await PersonAsync(DemoPeople.EmailFor(Roles.OrganisationAdmin));
        using var client = app.NewClient();
        var form = await client.GetPageAsync("/sign-in");
        using (var password = await client.SubmitAsync(form, "main form", [new("Input.Email", admin.Email!), new("Input.Password", Lantern.Demo.DemoData.Password)]))
        {
            Assert.StartsWith("/sign-in/code", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var codePage = await client.GetPageAsync("/sign-in/code");
        using (await client.SubmitAsync(codePage, "main form", [new("Input.Code", "000000")]))
        {
        }

        var last = (await AuditChain.EntriesAsync(app.Services, admin.OrganisationId)).Last(e => e.ActorId == admin.Id);
        Assert.Equal(AuditActions.TwoStepFailed, last.Action);
        Assert.Equal("Wrong authenticator code", last.Detail);
    }

    [Fact]
    public async Task An_admins_changes_to_a_person_are_recorded_with_the_admin_as_actor()
    {
        var adminClient = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var admin = await PersonAsync(DemoPeople.EmailFor(Roles.OrganisationAdmin));
        var form = await adminClient.GetPageAsync("/admin/people/new");
        using (var created = await adminClient.SubmitAsync(form, "main form",
            [new("Input.Name", "Robin Hart"), new("Input.Email", "robin.hart@riverside.example"), new("Input.Roles", Roles.Learner)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var person = await PersonAsync("robin.hart@riverside.example");
        var path = $"/admin/people/{person.Id}";
        using (await adminClient.SubmitAsync(await adminClient.GetPageAsync(path), "form[action*='handler=Roles']", [new("Access.Roles", Roles.Learner), new("Access.Roles", Roles.TrainingManager)]))
        {
        }

        using (await adminClient.SubmitAsync(await adminClient.GetPageAsync(path), "form[action*='handler=Disable']", []))
        {
        }

        using (await adminClient.SubmitAsync(await adminClient.GetPageAsync(path), "form[action*='handler=Enable']", []))
        {
        }

        using (await adminClient.SubmitAsync(await adminClient.GetPageAsync(path), "form[action*='handler=Resend']", [], $"{path}?handler=ResetTwoStep"))
        {
        }

        var entries = (await AuditChain.EntriesAsync(app.Services, admin.OrganisationId))
            .Where(e => e.RecordList.Contains(AuditActions.Person(person.Id)))
            .ToList();
        Assert.Equal(
            [AuditActions.PersonInvited, AuditActions.AccessChanged, AuditActions.PersonDisabled, AuditActions.PersonEnabled, AuditActions.TwoStepReset],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(admin.Id, e.ActorId));
        Assert.Equal("Roles: Learner, TrainingManager; locations: 0", entries[1].Detail);
        Assert.True((await AuditChain.VerifyAsync(app.Services, admin.OrganisationId)).Ok);
    }

    [Fact]
    public async Task A_refused_access_is_recorded_on_the_persons_chain_naming_the_record()
    {
        var dsl = await PersonAsync(DemoPeople.EmailFor(Roles.Dsl));
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, dsl.Id.ToString()), new Claim(LanternClaims.OrganisationId, dsl.OrganisationId.ToString())], "test"));
        var record = $"concern:{Guid.NewGuid()}";

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAccessDeniedAsync(db, user, record, "not in their cases");
        }

        var last = (await AuditChain.EntriesAsync(app.Services, dsl.OrganisationId)).Last();
        Assert.Equal(AuditActions.AccessDenied, last.Action);
        Assert.Equal(dsl.Id, last.ActorId);
        Assert.Equal([record], last.RecordList);
        Assert.Equal("not in their cases", last.Detail);
    }

    [Fact]
    public async Task Recording_on_its_own_is_refused_inside_an_open_transaction_or_with_unsaved_changes()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var entry = new AuditEvent(Guid.NewGuid(), null, "concern.read", ["concern:1"]);

        await using (await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => trail.RecordAsync(db, entry));
        }

        db.Organisations.Add(new Lantern.Accounts.Organisations.Organisation { Name = "Unsaved", CreatedAt = TimeProvider.System.GetUtcNow() });
        await Assert.ThrowsAsync<InvalidOperationException>(() => trail.RecordAsync(db, entry));
    }

    private async Task<LanternUser> PersonAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    public sealed class OnSqlite(SqliteApp app) : AuditedEventsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AuditedEventsTests(app), IClassFixture<PostgresApp>;
}
