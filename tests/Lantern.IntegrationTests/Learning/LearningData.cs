using System.Net;
using System.Text.Json;
using Lantern.Accounts.Organisations;
using Lantern.Accounts.Users;
using Lantern.Courses.Model;
using Lantern.Data;
using Lantern.Demo;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Learning.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Learning;

/// <summary>Makes learners, reads a course as a learner does (every chapter, every question), and reads what the app stored.</summary>
public static class LearningData
{
    public const string Password = "harbour kettle violet 42";

    public static async Task<T> WithDbAsync<T>(LanternApp app, Func<LanternDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LanternDbContext>());
    }

    public static Task<Guid> OrganisationIdAsync(LanternApp app) =>
        WithDbAsync(app, db => db.Organisations.Where(o => o.Name == DemoData.OrganisationName).Select(o => o.Id).SingleAsync());

    /// <summary>A new learner of the demo organisation (so tests do not share progress), at a location, with extra roles if given.</summary>
    public static async Task<(Guid Id, string Email, string Name)> NewLearnerAsync(LanternApp app, string name, string location = "Riverside House", params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LanternUser>>();
        var org = await db.Organisations.Where(o => o.Name == DemoData.OrganisationName).Select(o => o.Id).SingleAsync();
        var locationId = await db.Locations.Where(l => l.OrganisationId == org && l.Name == location).Select(l => l.Id).SingleAsync();
        var email = $"learner-{Guid.NewGuid():N}@riverside.example";
        var now = TimeProvider.System.GetUtcNow();
        var user = new LanternUser { OrganisationId = org, UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now, ActivatedAt = now };
        user.Locations.Add(new UserLocation { OrganisationId = org, UserId = user.Id, LocationId = locationId });
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, [Roles.Learner, .. roles]);
        return (user.Id, email, name);
    }

    public static async Task<HttpClient> SignInAsync(LanternApp app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.NewClient();
        await DemoPeople.SignInAsync(client, email, Password);
        return client;
    }

    public static async Task<(Guid CourseId, CourseContent Content)> CourseAsync(LanternApp app, string slug)
    {
        var found = await WithDbAsync(app, db => (
                from c in db.Courses
                join v in db.CourseVersions on c.CurrentVersionId equals v.Id
                where c.Slug == slug && c.OrganisationId == null
                select new { c.Id, v.Content })
            .SingleAsync());
        return (found.Id, JsonSerializer.Deserialize<CourseContent>(found.Content, CourseJson.Options)!);
    }

    public static IEnumerable<(BookContent Book, ChapterContent Chapter)> Chapters(CourseContent course) =>
        course.Books.SelectMany(b => b.Chapters.Select(c => (b, c)));

    public static string ChapterPath(CourseContent course, BookContent book, ChapterContent chapter) => $"/learn/{course.Id}/{book.Id}/{chapter.Id}";

    /// <summary>Opens every chapter, then answers every assessed question: rightly, except the number given wrongly.</summary>
    public static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, CourseContent course, int wrong = 0)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(course);
        foreach (var (book, chapter) in Chapters(course))
        {
            await client.GetPageAsync(ChapterPath(course, book, chapter));
        }

        HttpResponseMessage? last = null;
        foreach (var (book, chapter) in Chapters(course).Where(c => c.Chapter.Assessed))
        {
            foreach (var question in chapter.Questions)
            {
                last?.Dispose();
                last = await AnswerAsync(client, course, book, chapter, question, right: wrong-- <= 0);
                Assert.Equal(HttpStatusCode.OK, last.StatusCode);
            }
        }

        return last ?? throw new InvalidOperationException("The course has no assessed question.");
    }

    public static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, CourseContent course, BookContent book, ChapterContent chapter, CheckBlock question, bool right, bool openFirst = true)
    {
        ArgumentNullException.ThrowIfNull(question);
        var path = ChapterPath(course, book, chapter);
        var page = openFirst ? await client.GetPageAsync(path) : await client.GetPageAsync("/learn/" + course.Id + "/" + book.Id);
        var fields = new List<KeyValuePair<string, string>> { new("question", question.Id) };
        if (question.Type == CheckKind.Ordering)
        {
            var order = right ? question.Options : question.Options.Reverse().ToList();
            fields.AddRange(order.Select((o, i) => new KeyValuePair<string, string>("position-" + o.Id, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        else
        {
            var chosen = right ? question.Options.Where(o => o.Correct) : question.Options.Where(o => !o.Correct).Take(1);
            fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>("answer", o.Id)));
        }

        if (!openFirst)
        {
            // Posted straight at the chapter, with the token from the sign-out form of a page the learner did open.
            fields.Add(new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
            using var content = new FormUrlEncodedContent(fields);
            return await client.PostAsync(new Uri(path + "?handler=Check", UriKind.Relative), content);
        }

        return await client.SubmitAsync(page, $"#{question.ElementId} form", fields);
    }

    public static Task<List<Completion>> CompletionsAsync(LanternApp app, Guid userId) =>
        WithDbAsync(app, db => db.Completions.AsNoTracking().Where(c => c.UserId == userId).ToListAsync());

    public static Task<string> CertificateCodeAsync(LanternApp app, Guid userId) =>
        WithDbAsync(app, db => db.Certificates.Where(c => c.UserId == userId).Select(c => c.Code).SingleAsync());

    /// <summary>Another organisation with a person who has a completion and certificate.</summary>
    public static async Task<(Guid CertificateId, Guid UserId)> OtherOrganisationCertificateAsync(LanternApp app, Guid courseId)
    {
        return await WithDbAsync(app, async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var other = new Organisation { Name = "Hillside Youth Club " + Guid.NewGuid().ToString("N")[..6], CreatedAt = now };
            db.Organisations.Add(other);
            var email = $"learner-{Guid.NewGuid():N}@hillside.example";
            var person = new LanternUser { OrganisationId = other.Id, DisplayName = "Hillside Learner", Email = email, UserName = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), CreatedAt = now };
            db.Users.Add(person);
            var completion = new Completion { OrganisationId = other.Id, UserId = person.Id, CourseId = courseId, CourseTitle = "Hillside course", CompletedOn = DateOnly.FromDateTime(now.UtcDateTime), RecordedAt = now, Attempt = 0 };
            db.Completions.Add(completion);
            var certificate = new Lantern.Learning.Certificates.Certificate { OrganisationId = other.Id, CompletionId = completion.Id, UserId = person.Id, Code = Lantern.Learning.Certificates.CertificateCode.New(), IssuedAt = now };
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync();
            return (certificate.Id, person.Id);
        });
    }
}
