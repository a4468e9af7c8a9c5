using System.Net;
using AngleSharp.Dom;
using Lantern.Accounts.Users;
using Lantern.Concerns;
using Lantern.Concerns.Settings;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>The organisation admin's safeguarding settings: saved and audited when right; refused with the input kept and nothing stored when wrong; nobody else may see them.</summary>
public abstract class SafeguardingSettingsTests(LanternApp app)
{
    private const string Path = "/admin/safeguarding";

    public static TheoryData<string, string, string> BadInput => new()
    {
        // field, value, message
        { "Input.UrgentEscalationMinutes", "", "Enter how many minutes an urgent concern can wait unopened" },
        { "Input.UrgentEscalationMinutes", "thirty", "Minutes must be a whole number, like 30" },
        { "Input.UrgentEscalationMinutes", "4", "Minutes must be between 5 and 1440 (24 hours)" },
        { "Input.UrgentEscalationMinutes", "1441", "Minutes must be between 5 and 1440 (24 hours)" },
        { "Input.UrgentEscalationMinutes", "-30", "Minutes must be a whole number, like 30" },
        { "Input.UrgentEscalationMinutes", "30; DROP TABLE \"SafeguardingSettings\"", "Minutes must be a whole number, like 30" },
        { "Input.UrgentEscalationMinutes", "٣٠", "Minutes must be a whole number, like 30" },
        { "Input.SocialCareFrontDoorPhone", "<script>alert(1)</script>", "Front door number must be a phone number, like 01632 960 200" },
        { "Input.SocialCareFrontDoorPhone", "' OR 1=1 --", "Front door number must be a phone number, like 01632 960 200" },
        { "Input.SocialCareFrontDoorPhone", "٠١٦٣٢ ٩٦٠ ٢٠٠", "Front door number must be a phone number, like 01632 960 200" },
        { "Input.SocialCareOutOfHoursPhone", new string('1', 50_000), "Out of hours number must be 40 characters or fewer" },
        { "Input.SocialCareOutOfHoursPhone", "01632 960 299 ext", "Out of hours number must be a phone number, like 01632 960 200" },
        { "Input.AllegationsLeadId", "not-a-person", "Choose the allegations lead from the list" },
    };

    [Fact]
    public async Task The_admin_saves_the_settings_and_the_change_is_audited()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var page = await admin.GetPageAsync(Path);
        Assert.Equal("01632 960 200", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input-SocialCareFrontDoorPhone")!.Value);
        var deputy = await ConcernData.PersonIdAsync(app, Roles.DeputyDsl);

        using var saved = await admin.SubmitAsync(page, "main form", Fields(deputy.ToString(), "+44 (0)1632 960-201", "", "45"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var again = await admin.GetPageAsync(Path);
        Assert.Contains("Safeguarding settings saved", again.Text("main"), StringComparison.Ordinal);

        var settings = await SettingsAsync();
        Assert.Equal(deputy, settings.AllegationsLeadId);
        Assert.Equal("+44 (0)1632 960-201", settings.SocialCareFrontDoorPhone);
        Assert.Null(settings.SocialCareOutOfHoursPhone);
        Assert.Equal(45, settings.UrgentEscalationMinutes);
        var entry = Assert.Single(await ConcernData.AuditAsync(app, SafeguardingSettingsPageModel.AuditAction));
        Assert.Contains("person:" + deputy, entry.RecordList);
        Assert.Contains("allegations lead", entry.Detail, StringComparison.Ordinal);

        // Put the demo settings back for the other tests in this class.
        var admin0 = await ConcernData.PersonIdAsync(app, Roles.OrganisationAdmin);
        using var restored = await admin.SubmitAsync(again, "main form", Fields(admin0.ToString(), "01632 960 200", "01632 960 299", "30"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_message_keeps_what_was_typed_and_changes_nothing(string field, string value, string message)
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var before = await SettingsAsync();
        var auditBefore = (await ConcernData.AuditAsync(app, SafeguardingSettingsPageModel.AuditAction)).Count;
        var page = await admin.GetPageAsync(Path);
        var fields = Fields(before.AllegationsLeadId?.ToString() ?? "", "01632 960 200", "01632 960 299", "30")
            .Where(f => f.Key != field).Append(new(field, value)).ToList();

        using var response = await admin.SubmitAsync(page, "main form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await Html.ParseAsync(response);
        Assert.Equal(message, refused.ErrorSummary().Single());
        if (field != "Input.AllegationsLeadId")
        {
            Assert.Equal(value, refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#" + field.Replace('.', '-'))!.Value);
        }

        var after = await SettingsAsync();
        Assert.Equal((before.AllegationsLeadId, before.SocialCareFrontDoorPhone, before.SocialCareOutOfHoursPhone, before.UrgentEscalationMinutes),
            (after.AllegationsLeadId, after.SocialCareFrontDoorPhone, after.SocialCareOutOfHoursPhone, after.UrgentEscalationMinutes));
        Assert.Equal(auditBefore, (await ConcernData.AuditAsync(app, SafeguardingSettingsPageModel.AuditAction)).Count);
    }

    [Fact]
    public async Task A_megabyte_in_a_field_gets_the_too_large_page_and_changes_nothing()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        var before = await SettingsAsync();
        var page = await admin.GetPageAsync(Path);
        using var response = await admin.SubmitAsync(page, "main form", Fields("", new string('1', 1024 * 1024), "", "30"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("What you sent was too large", (await Html.ParseAsync(response)).Text("main"), StringComparison.Ordinal);
        Assert.Equal(before.SocialCareFrontDoorPhone, (await SettingsAsync()).SocialCareFrontDoorPhone);
    }

    [Fact]
    public async Task Another_organisations_person_cannot_be_made_allegations_lead()
    {
        var admin = await app.SignedInAsAsync(Roles.OrganisationAdmin);
        await ConcernData.OtherOrganisationConcernAsync(app);
        var stranger = await ConcernData.WithDbAsync(app, db => db.Users.Where(u => u.DisplayName == "Hillside DSL").Select(u => u.Id).FirstAsync());
        var page = await admin.GetPageAsync(Path);

        using var response = await admin.SubmitAsync(page, "main form", Fields(stranger.ToString(), "01632 960 200", "01632 960 299", "30"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose the allegations lead from the list", (await Html.ParseAsync(response)).ErrorSummary().Single());
        Assert.NotEqual(stranger, (await SettingsAsync()).AllegationsLeadId);
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Dsl)]
    [InlineData(Roles.DeputyDsl)]
    [InlineData(Roles.TrainingManager)]
    public async Task Only_the_organisation_admin_may_see_the_settings(string role)
    {
        var client = await app.SignedInAsAsync(role);
        using var response = await client.GetAsync(new Uri(Path, UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true, $"{role}: {(int)response.StatusCode} {response.Headers.Location}");

        using var signedOut = app.NewClient();
        using var anonymous = await signedOut.GetAsync(new Uri(Path, UriKind.Relative));
        Assert.Contains("/sign-in", anonymous.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Fields(string lead, string frontDoor, string outOfHours, string minutes) =>
    [
        new("Input.AllegationsLeadId", lead),
        new("Input.SocialCareFrontDoorPhone", frontDoor),
        new("Input.SocialCareOutOfHoursPhone", outOfHours),
        new("Input.UrgentEscalationMinutes", minutes),
    ];

    private Task<SafeguardingSettings> SettingsAsync() =>
        ConcernData.WithDbAsync(app, db => db.SafeguardingSettings.AsNoTracking()
            .SingleAsync(s => db.Users.Any(u => u.OrganisationId == s.OrganisationId && u.Email == DemoPeople.EmailFor(Roles.OrganisationAdmin))));

    public sealed class OnSqlite(SqliteApp app) : SafeguardingSettingsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SafeguardingSettingsTests(app), IClassFixture<PostgresApp>;
}
