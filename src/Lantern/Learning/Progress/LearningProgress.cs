using System.Security.Claims;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Courses.Model;
using Lantern.Courses.Reading;
using Lantern.Data;
using Lantern.Learning.Certificates;
using Lantern.Learning.Records;
using Lantern.Learning.Statements;
using Lantern.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lantern.Learning.Progress;

/// <summary>
/// Records a signed-in learner's progress as they read: the first view of each chapter, each answer
/// (marked on the server), and, when the course's rules are met, the completion with its certificate,
/// all in the learner's organisation. Every learning event is also an xAPI statement. Readers who are
/// not signed in, and other organisations' public courses, leave no record.
/// </summary>
public sealed class LearningProgress(LanternDbContext db, IAuditTrail audit, TimeProvider clock, IOptions<MailOptions> mail)
{
    public const string CompletedAction = "learning.completed";

    public static bool Records(ClaimsPrincipal user, CourseView course)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(course);
        return user.Identity?.IsAuthenticated == true && (course.OrganisationId is null || course.OrganisationId == user.GetOrganisationId());
    }

    /// <summary>The attempt a learner is on: how many times they have completed the course in Lantern.</summary>
    public Task<int> AttemptAsync(Guid organisationId, Guid userId, Guid courseId, CancellationToken cancellationToken) =>
        db.Completions.CountAsync(c => c.OrganisationId == organisationId && c.UserId == userId && c.CourseId == courseId && c.Source == CompletionSource.Lantern, cancellationToken);

    /// <summary>Records the first view of the chapter in this attempt; returns the completion if the view completed the course.</summary>
    public async Task<Completion?> RecordViewAsync(ClaimsPrincipal user, BookPlace place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (!Records(user, place.Course) || place.Chapter is not { } chapter)
        {
            return null;
        }

        // Most views are of a chapter already seen: one query answers that, and nothing is written.
        if (await HasReachedAsync(user, place, cancellationToken))
        {
            return null;
        }

        var (org, me) = (user.GetOrganisationId(), user.GetUserId());
        var courseId = place.Course.CourseId;
        var attempt = await AttemptAsync(org, me, courseId, cancellationToken);
        var now = clock.GetUtcNow();
        db.ChapterViews.Add(new ChapterView
        {
            OrganisationId = org,
            UserId = me,
            CourseId = courseId,
            Attempt = attempt,
            BookId = place.Book.Id,
            ChapterId = chapter.Id,
            VersionId = place.Course.VersionId,
            FirstViewedAt = now,
        });
        AddStatement(org, me, XapiVerb.Experienced, place.ChapterPath(chapter), $"{chapter.Number} {chapter.Title}", "http://id.tincanapi.com/activitytype/chapter", place, now, null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reader's other tab recorded it first.
            db.ChangeTracker.Clear();
            return null;
        }

        return await TryCompleteAsync(user, place.Course, attempt, cancellationToken);
    }

    /// <summary>Whether the learner has opened this chapter in their current attempt: answers are taken only for a chapter reached.</summary>
    public async Task<bool> HasReachedAsync(ClaimsPrincipal user, BookPlace place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        var (org, me) = (user.GetOrganisationId(), user.GetUserId());
        var (courseId, bookId, chapterId) = (place.Course.CourseId, place.Book.Id, place.Chapter!.Id);

        // The attempt is the number of completions in Lantern, counted inside the same query.
        return await db.ChapterViews.AnyAsync(
            v => v.OrganisationId == org && v.UserId == me && v.CourseId == courseId && v.BookId == bookId && v.ChapterId == chapterId
                && v.Attempt == db.Completions.Count(c => c.OrganisationId == org && c.UserId == me && c.CourseId == courseId && c.Source == CompletionSource.Lantern),
            cancellationToken);
    }

    /// <summary>Records a marked answer (the latest answer to a question counts); returns the completion if it completed the course.</summary>
    public async Task<Completion?> RecordAnswerAsync(ClaimsPrincipal user, BookPlace place, CheckBlock question, bool right, string response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(question);
        if (!Records(user, place.Course) || place.Chapter is not { } chapter)
        {
            return null;
        }

        var (org, me) = (user.GetOrganisationId(), user.GetUserId());
        var courseId = place.Course.CourseId;
        var attempt = await AttemptAsync(org, me, courseId, cancellationToken);
        var now = clock.GetUtcNow();
        var existing = await db.QuestionAnswers.SingleOrDefaultAsync(
            a => a.OrganisationId == org && a.UserId == me && a.CourseId == courseId && a.Attempt == attempt && a.BookId == place.Book.Id && a.ChapterId == chapter.Id && a.QuestionId == question.Id,
            cancellationToken);
        if (existing is null)
        {
            db.QuestionAnswers.Add(new QuestionAnswer
            {
                OrganisationId = org,
                UserId = me,
                CourseId = courseId,
                Attempt = attempt,
                BookId = place.Book.Id,
                ChapterId = chapter.Id,
                QuestionId = question.Id,
                Right = right,
                Answers = 1,
                VersionId = place.Course.VersionId,
                AnsweredAt = now,
            });
        }
        else
        {
            existing.Right = right;
            existing.Answers++;
            existing.VersionId = place.Course.VersionId;
            existing.AnsweredAt = now;
        }

        AddStatement(org, me, XapiVerb.Answered, place.ChapterPath(chapter) + "#" + question.ElementId, question.Question, "http://adlnet.gov/expapi/activities/cmi.interaction", place, now, new XapiResult(Success: right, Response: response));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }

        if (chapter.Assessed)
        {
            var progress = await ProgressAsync(org, me, place.Course, attempt, cancellationToken);
            if (progress.Passed is { } passed)
            {
                AddStatement(org, me, passed ? XapiVerb.Passed : XapiVerb.Failed, place.ChapterPath(chapter), $"{chapter.Number} {chapter.Title}", "http://adlnet.gov/expapi/activities/assessment", place, now, new XapiResult(Success: passed, Score: progress.Score));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return await TryCompleteAsync(user, place.Course, attempt, cancellationToken);
    }

    /// <summary>The learner's progress in an attempt, against the version given.</summary>
    public async Task<ProgressResult> ProgressAsync(Guid org, Guid me, CourseView course, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(course);
        var views = await db.ChapterViews.AsNoTracking()
            .Where(v => v.OrganisationId == org && v.UserId == me && v.CourseId == course.CourseId && v.Attempt == attempt)
            .Select(v => new { v.BookId, v.ChapterId })
            .ToListAsync(cancellationToken);
        var answers = await db.QuestionAnswers.AsNoTracking()
            .Where(a => a.OrganisationId == org && a.UserId == me && a.CourseId == course.CourseId && a.Attempt == attempt)
            .Select(a => new { a.BookId, a.ChapterId, a.QuestionId, a.Right })
            .ToListAsync(cancellationToken);
        return BookProgress.Evaluate(
            course.Content,
            views.Select(v => BookProgress.ChapterKey(v.BookId, v.ChapterId)).ToHashSet(StringComparer.Ordinal),
            answers.ToDictionary(a => BookProgress.QuestionKey(a.BookId, a.ChapterId, a.QuestionId), a => a.Right, StringComparer.Ordinal));
    }

    private async Task<Completion?> TryCompleteAsync(ClaimsPrincipal user, CourseView course, int attempt, CancellationToken cancellationToken)
    {
        var (org, me) = (user.GetOrganisationId(), user.GetUserId());
        var progress = await ProgressAsync(org, me, course, attempt, cancellationToken);
        if (!progress.Complete)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var roles = user.GetRoles().ToList();
        var settings = await db.RefresherSettings.AsNoTracking()
            .Where(s => s.OrganisationId == org && s.CourseId == course.CourseId)
            .ToListAsync(cancellationToken);
        var months = TrainingRules.RefresherMonths(
            course.Content.RefresherMonths,
            settings.FirstOrDefault(s => s.Role == null)?.Months,
            settings.Where(s => s.Role != null && roles.Contains(s.Role)).Select(s => s.Months));
        var completion = new Completion
        {
            OrganisationId = org,
            UserId = me,
            CourseId = course.CourseId,
            Source = CompletionSource.Lantern,
            Attempt = attempt,
            VersionId = course.VersionId,
            VersionNumber = course.VersionNumber,
            CourseTitle = course.Content.Title,
            CompletedOn = today,
            RecordedAt = now,
            Score = progress.Score,
            PassMark = progress.Questions > 0 ? course.Content.PassMark : null,
            RefresherMonths = months,
            ValidUntil = TrainingRules.ValidUntil(today, months),
        };
        var certificate = new Certificate { OrganisationId = org, CompletionId = completion.Id, UserId = me, Code = CertificateCode.New(), IssuedAt = now };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Completions.Add(completion);
        db.Certificates.Add(certificate);
        var coursePath = "/learn/" + course.Content.Id;
        AddStatement(org, me, XapiVerb.Completed, coursePath, course.Content.Title, "http://adlnet.gov/expapi/activities/course", null, now, new XapiResult(Success: true, Completion: true, Score: progress.Score), course);
        await audit.AppendAsync(new AuditEvent(org, me, CompletedAction, ["completion:" + completion.Id, "certificate:" + certificate.Id, AuditActions.Person(me)], $"course {course.Content.Id} version {course.VersionNumber}"), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Completed by a request that ran at the same moment: that one stands.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return null;
        }

        return completion;
    }

    private void AddStatement(Guid org, Guid me, string verb, string path, string name, string type, BookPlace? place, DateTimeOffset now, XapiResult? result, CourseView? course = null)
    {
        var view = place?.Course ?? course!;
        var id = Guid.CreateVersion7();
        db.LearningStatements.Add(new LearningStatement
        {
            Id = id,
            OrganisationId = org,
            UserId = me,
            Verb = verb,
            Timestamp = now,
            Json = XapiStatement.Build(id, mail.Value.PublicBaseUrl, me, verb, path, name, type, "/learn/" + view.Content.Id, view.Content.Title, now, result),
        });
    }
}
