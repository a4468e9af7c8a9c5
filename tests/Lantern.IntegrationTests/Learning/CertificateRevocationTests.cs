using System.Net;
using Lantern.Accounts.Users;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Learning.Certificates;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Learning;

/// <summary>
/// A training manager or organisation admin revokes a certificate with a written reason and a confirm
/// step; the verification page, the learner's My training and the person's history then say so, with
/// who, when and why. Bad reasons, forged posts and other organisations' certificates change nothing.
/// </summary>
public abstract class CertificateRevocationTests(LanternApp app)
{
    private const string Sample = "sample-course";

    private async Task<(Guid PersonId, Guid CertificateId, string Code, string Email)> CertifiedLearnerAsync(string name)
    {
        var learner = await LearningData.NewLearnerAsync(app, name);
        using var client = await LearningData.SignInAsync(app, learner.Email);
        var (_, course) = await LearningData.CourseAsync(app, Sample);
        using (await LearningData.CompleteAsync(client, course))
        {
        }

        var certificate = await LearningData.WithDbAsync(app, db => db.Certificates.AsNoTracking().SingleAsync(c => c.UserId == learner.Id));
        return (learner.Id, certificate.Id, certificate.Code, learner.Email);
    }

    private Task<Certificate> CertificateAsync(Guid id) =>
        LearningData.WithDbAsync(app, db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id));

    private static string RevokePath(Guid id) => $"/training/certificates/{id}/revoke";

    [Fact]
    public async Task A_training_manager_revokes_a_certificate_with_a_reason_after_confirming_and_everyone_is_told()
    {
        var (personId, certificateId, code, email) = await CertifiedLearnerAsync("Quinn Revoked");
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);

        var history = await manager.GetPageAsync($"/training/people/{personId}");
        Assert.Equal(RevokePath(certificateId), history.QuerySelector($"a[href='{RevokePath(certificateId)}']")!.GetAttribute("href"));

        var page = await manager.GetPageAsync(RevokePath(certificateId));
        Assert.Equal("Revoke a certificate", page.Text("h1"));
        Assert.Contains("Quinn Revoked", page.Text("main"), StringComparison.Ordinal);

        const string reason = "Completed by someone else <script>alert(1)</script>\nSeen on the camera, 3 November.";
        using var first = await manager.SubmitAsync(page, "main form", [new("Reason", reason)]);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var confirm = await Html.ParseAsync(first);
        Assert.Equal("Are you sure you want to revoke this certificate?", confirm.Text("h1"));
        Assert.Contains("<script>alert(1)</script>", confirm.Text(".govuk-inset-text"), StringComparison.Ordinal);
        Assert.Null(confirm.QuerySelector("main script"));
        Assert.Null((await CertificateAsync(certificateId)).RevokedAt);

        using var done = await manager.SubmitAsync(confirm, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await CertificateAsync(certificateId);
        Assert.NotNull(stored.RevokedAt);
        Assert.Equal(reason, stored.RevokedReason);
        var managerId = await LearningData.WithDbAsync(app, db => db.Users.Where(u => u.Email == DemoPeople.EmailFor(Roles.TrainingManager)).Select(u => u.Id).SingleAsync());
        Assert.Equal(managerId, stored.RevokedById);
        var audited = await LearningData.WithDbAsync(app, db => db.AuditEntries.Where(e => e.Action == RevokeCertificateModel.RevokedAction).ToListAsync());
        Assert.Contains(audited, e => e.RecordList.Contains("certificate:" + certificateId) && e.ActorId == managerId);

        var after = await manager.GetPageAsync(done.Headers.Location!.OriginalString);
        Assert.Equal("Certificate revoked", after.Text("h1"));
        Assert.Contains(DemoPeople.NameFor(Roles.TrainingManager), after.Text("main"), StringComparison.Ordinal);

        using var visitor = app.NewClient();
        Assert.Equal("This certificate has been revoked", (await visitor.GetPageAsync("/verify/" + code)).Text("h1"));

        using (var learner = await LearningData.SignInAsync(app, email))
        {
            var mine = await learner.GetPageAsync("/my-training");
            Assert.Contains("Revoked", mine.QuerySelector("a[href^='/my-training/certificates/']")!.ParentElement!.TextContent, StringComparison.Ordinal);
        }

        var revokedHistory = (await manager.GetPageAsync($"/training/people/{personId}")).Text("main");
        Assert.Contains("Certificate revoked", revokedHistory, StringComparison.Ordinal);
        Assert.Contains("by " + DemoPeople.NameFor(Roles.TrainingManager), revokedHistory, StringComparison.Ordinal);
        Assert.Contains("Why: Completed by someone else <script>alert(1)</script>", revokedHistory, StringComparison.Ordinal);

        // Confirming again (a replayed form) changes nothing.
        using var replay = await manager.SubmitAsync(confirm, "main form", [new("Reason", "Another reason")]);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(stored.RevokedReason, (await CertificateAsync(certificateId)).RevokedReason);
    }

    public static TheoryData<string, string> BadReasons => new()
    {
        { "", "Enter why the certificate is being revoked" },
        { "   \n  ", "Enter why the certificate is being revoked" },
        { new string('x', CertificateRevocation.MaxReasonLength + 1), "The reason must be 500 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(BadReasons))]
    public async Task A_missing_or_too_long_reason_is_refused_with_a_message_and_the_certificate_stays_valid(string reason, string message)
    {
        var (_, certificateId, _, _) = await CertifiedLearnerAsync("Rae Reasonless");
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var page = await manager.GetPageAsync(RevokePath(certificateId));

        using var response = await manager.SubmitAsync(page, "main form", [new("Reason", reason)]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var shown = await Html.ParseAsync(response);
        Assert.Equal([message], shown.ErrorSummary());
        Assert.StartsWith("Error:", shown.Title, StringComparison.Ordinal);
        if (reason.Length is 0 or > 100)
        {
            Assert.Equal(reason, shown.QuerySelector("textarea#Reason")!.TextContent);
        }

        // The confirm step checks the reason again: a forged post straight to it is refused the same way.
        using var forged = await manager.SubmitAsync(page, "main form", [new("Reason", reason)], RevokePath(certificateId) + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null((await CertificateAsync(certificateId)).RevokedAt);
    }

    [Fact]
    public async Task A_reason_of_a_megabyte_or_a_post_without_the_forms_token_changes_nothing()
    {
        var (_, certificateId, _, _) = await CertifiedLearnerAsync("Sol Forged");
        var manager = await app.SignedInAsAsync(Roles.TrainingManager);
        var page = await manager.GetPageAsync(RevokePath(certificateId));

        using var huge = await manager.SubmitAsync(page, "main form", [new("Reason", new string('x', 1024 * 1024))], RevokePath(certificateId) + "?handler=Confirm");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        using var content = new FormUrlEncodedContent([new("Reason", "No token")]);
        using var tokenless = await manager.PostAsync(new Uri(RevokePath(certificateId) + "?handler=Confirm", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Null((await CertificateAsync(certificateId)).RevokedAt);
    }

    [Fact]
    public async Task Another_organisations_certificate_is_not_found_and_cannot_be_revoked()
    {
        var (courseId, _) = await LearningData.CourseAsync(app, Sample);
        var (strangerCertificate, _) = await LearningData.OtherOrganisationCertificateAsync(app, courseId);
        var (_, ownCertificate, _, _) = await CertifiedLearnerAsync("Tam Own");
        foreach (var role in new[] { Roles.TrainingManager, Roles.OrganisationAdmin })
        {
            var client = await app.SignedInAsAsync(role);
            using var look = await client.GetAsync(new Uri(RevokePath(strangerCertificate), UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);

            var page = await client.GetPageAsync(RevokePath(ownCertificate));
            using var forged = await client.SubmitAsync(page, "main form", [new("Reason", "Not theirs")], RevokePath(strangerCertificate) + "?handler=Confirm");
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        Assert.Null((await CertificateAsync(strangerCertificate)).RevokedAt);
        Assert.Null((await CertificateAsync(ownCertificate)).RevokedAt);
    }

    [Fact]
    public async Task An_organisation_admin_revokes_from_the_persons_account_page_and_other_roles_may_not()
    {
        var (personId, certificateId, code, _) = await CertifiedLearnerAsync("Uma Admin-revoked");
        foreach (var role in new[] { Roles.Learner, Roles.Dsl, Roles.CourseAuthor })
        {
            var client = await app.SignedInAsAsync(role);
            using var refused = await client.GetAsync(new Uri(RevokePath(certificateId), UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/error/403", refused.Headers.Location!.AbsolutePath);
        }

        using (var visitor = app.NewClient())
        using (var signedOut = await visitor.GetAsync(new Uri(RevokePath(certificateId), UriKind.Relative)))
        {
            Assert.StartsWith("/sign-in", signedOut.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var account = await admin.GetPageAsync($"/admin/people/{personId}");
        var link = account.QuerySelector($"a[href='{RevokePath(certificateId)}']")!;
        var page = await admin.GetPageAsync(link.GetAttribute("href")!);
        using var first = await admin.SubmitAsync(page, "main form", [new("Reason", "Issued in error")]);
        using var done = await admin.SubmitAsync(await Html.ParseAsync(first), "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("Issued in error", (await CertificateAsync(certificateId)).RevokedReason);
        Assert.Contains("Revoked", (await admin.GetPageAsync($"/admin/people/{personId}")).Text("main"), StringComparison.Ordinal);
        using var visitorAfter = app.NewClient();
        Assert.Equal("This certificate has been revoked", (await visitorAfter.GetPageAsync("/verify/" + code)).Text("h1"));
    }

    public sealed class OnSqlite(SqliteApp app) : CertificateRevocationTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CertificateRevocationTests(app), IClassFixture<PostgresApp>;
}
