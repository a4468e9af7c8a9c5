using Lantern.Accounts;
using Lantern.Accounts.Mfa;
using Lantern.Accounts.Sessions;
using Lantern.Audit;
using Lantern.Commands;
using Lantern.Concerns;
using Lantern.Courses;
using Lantern.Data;
using Lantern.Demo;
using Lantern.Learning;
using Lantern.Mail;
using Lantern.Screening;
using Lantern.Security;
using Lantern.Security.Encryption;
using Lantern.Shared;
using Lantern.Site;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// Leading words name a command (`Lantern courses import PATH`); `--demo` adds the demo organisation
// (so does running in Development); other `--options` are configuration.
var commandWords = LanternCommands.Words(args);
var builder = WebApplication.CreateBuilder(LanternCommands.Options(args).Where(a => a != "--demo").ToArray());
if (args.Contains("--demo"))
{
    builder.Configuration["Lantern:Demo"] = "true";
}

// Settings of the installation: name, data folder, demo data.
builder.Services.AddOptions<LanternOptions>().BindConfiguration(LanternOptions.Section);
builder.Services.AddSingleton(TimeProvider.System);

// The database: SQLite by default, PostgreSQL by configuration; migrated on start.
builder.AddLanternData();

// Encryption at rest: master keys from a file or the environment, never the database.
builder.AddEncryption();

// The hash-chained audit log, its heads exported outside the database.
builder.AddAudit();

// People, organisations, sign-in with a second factor, sessions.
builder.AddAccounts();

// E-mail through SMTP (or a folder, when no server is configured), sent from an outbox with retries.
builder.AddMail();

// Course books: imported from files (the shipped library at start), read online, printed and downloaded as PDFs.
builder.AddCourses();

// Learning records: progress, certificates, assignments, the training matrix, reminders.
builder.AddLearning();

// Safeguarding concerns: recording, triage, decisions, chronology, escalation.
builder.AddConcerns();

// CSE screening: a versioned catalogue per organisation, screenings, rescreens and the trend.
builder.AddScreening();

// Demo organisation and people.
builder.Services.AddScoped<DemoData>();

// HSTS for a year wherever the app is served over HTTPS outside Development, localhost included.
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
    o.ExcludedHosts.Clear();
});

// Pages: Razor on the server, GOV.UK Frontend markup, every page behind sign-in unless it says otherwise.
builder.AddPages();

var app = builder.Build();

if (commandWords.Count > 0)
{
    return await LanternCommands.RunAsync(app, commandWords, Console.Out);
}

// Headers on every response, then friendly pages for errors and status codes.
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler("/error/500");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseMiddleware<StorageUnavailableMiddleware>(); // the database unreachable: "not saved", with what was sent shown back
app.UseOutputCache(); // before static files, routing and sign-in: a kept public page costs no more than a static file
app.UseLanternStaticFiles();
app.UseRouting();

// Bodies limited per endpoint; sign-in; rate limits; the second factor before any page of a case role.
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseAuthentication();
app.UseRateLimiter();
app.UseMiddleware<RequireMfaMiddleware>();
app.UseAuthorization();

app.MapRazorPages();
app.MapCourseMedia();
app.MapCoursePdfs();
app.MapSessionEndpoints();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
