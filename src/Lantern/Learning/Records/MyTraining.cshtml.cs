using Lantern.Accounts.Users;
using Lantern.Courses.Reading;
using Lantern.Data;
using Lantern.Learning.Progress;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Records;

/// <summary>
/// A learner's own training: the courses required of them or begun, each with its state, due date and
/// validity and a link that resumes the book where they stopped; and their certificates.
/// </summary>
public sealed class MyTrainingModel(LanternDbContext db, TrainingRecords records, CourseCatalog catalog, LearningProgress progress) : PageModel
{
    public IReadOnlyList<MyCourse> Courses { get; private set; } = [];

    public IReadOnlyList<MyCertificate> Certificates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (org, me) = (User.GetOrganisationId(), User.GetUserId());
        var grid = await records.LoadAsync(org, new TrainingQuery(PersonId: me, IncludeLeavers: true), cancellationToken);
        var row = grid.Rows.SingleOrDefault();
        var courses = new List<MyCourse>();
        for (var i = 0; row is not null && i < grid.Courses.Count; i++)
        {
            if (row.Cells[i] is not { } cell)
            {
                continue;
            }

            var course = grid.Courses[i];
            var link = "/learn/" + course.Slug;
            var action = "Start";
            if (await catalog.FindAsync(db, course.Slug, User, cancellationToken) is { } view)
            {
                var attempt = await progress.AttemptAsync(org, me, course.Id, cancellationToken);
                var viewed = await db.ChapterViews.AsNoTracking()
                    .Where(v => v.OrganisationId == org && v.UserId == me && v.CourseId == course.Id && v.Attempt == attempt)
                    .Select(v => v.BookId + "/" + v.ChapterId)
                    .ToListAsync(cancellationToken);
                var next = view.Content.Books
                    .SelectMany(b => b.Chapters.Select(c => (Book: b, Chapter: c)))
                    .FirstOrDefault(c => !viewed.Contains(BookProgress.ChapterKey(c.Book.Id, c.Chapter.Id)));
                if (viewed.Count > 0 && next.Chapter is not null)
                {
                    link = $"/learn/{course.Slug}/{next.Book.Id}/{next.Chapter.Id}";
                    action = "Continue";
                }
                else if (viewed.Count > 0)
                {
                    // Every chapter opened but not complete: the check is what is left.
                    var check = view.Content.Books.SelectMany(b => b.Chapters.Where(c => c.Assessed).Select(c => (Book: b, Chapter: c))).FirstOrDefault();
                    link = check.Chapter is null ? link : $"/learn/{course.Slug}/{check.Book.Id}/{check.Chapter.Id}";
                    action = "Continue";
                }
                else if (cell.State.CompletedOn is not null)
                {
                    action = "Take again";
                }
            }

            courses.Add(new MyCourse(course.Title, link, action, cell.State, cell.Required));
        }

        Courses = courses.OrderBy(c => c.State.Status).ThenBy(c => c.Title, StringComparer.CurrentCulture).ToList();
        Certificates = await (
                from c in db.Certificates
                join d in db.Completions on c.CompletionId equals d.Id
                where c.OrganisationId == org && d.OrganisationId == org && c.UserId == me
                orderby d.CompletedOn descending
                select new MyCertificate(c.Id, d.CourseTitle, d.CompletedOn, d.ValidUntil, c.RevokedAt != null))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A line of My training.</summary>
public sealed record MyCourse(string Title, string Link, string Action, TrainingState State, bool Required);

/// <summary>A certificate the learner may download.</summary>
public sealed record MyCertificate(Guid Id, string Course, DateOnly CompletedOn, DateOnly? ValidUntil, bool Revoked);
