using Lantern.Accounts;
using Lantern.Courses.Blocks;
using Lantern.Courses.Model;
using Lantern.Data;
using Lantern.Learning.Progress;
using Lantern.Learning.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lantern.Courses.Reading;

/// <summary>
/// A chapter of a book. Its content was rendered at import; only the blocks that depend on the request
/// are rendered here: a knowledge check answered (posted here, marked on the server, feedback on every
/// option), the step of a case study the reader has reached (in the address, so it works without
/// script), and links into Lantern shown by who the reader is.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class ChapterModel(LanternDbContext db, CourseCatalog catalog, LearningProgress progress) : PageModel
{
    public BookPlace Place { get; private set; } = null!;

    public ChapterContent Chapter => Place.Chapter!;

    /// <summary>The question answered by this request, if any, and its marking.</summary>
    public CheckAnswer? Answer { get; private set; }

    /// <summary>The case study whose step is in the address, with that step and the choice made.</summary>
    public CaseState? Case { get; private set; }

    /// <summary>Set when this request completed the course for the signed-in learner.</summary>
    public Completion? Completed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string course, string book, string chapter,
        [FromQuery(Name = "case")] string? caseStudy, [FromQuery] string? step, [FromQuery] string? choice, CancellationToken cancellationToken)
    {
        if (!await FindAsync(course, book, chapter, cancellationToken))
        {
            return NotFound();
        }

        if (caseStudy is not null)
        {
            var block = Chapter.Blocks.OfType<CaseStudyBlock>().FirstOrDefault(b => b.Id == caseStudy);
            var at = block?.Step(step ?? block.Start);
            var chosen = choice is null ? null : at?.Choices.FirstOrDefault(c => c.Id == choice);
            if (block is null || at is null || (choice is not null && chosen is null))
            {
                return NotFound();
            }

            Case = new CaseState(block.Id, at, chosen);
        }
        else if (!Chapter.Questions.Any())
        {
            PublicPageCache.MarkShareable(HttpContext); // a knowledge check's form carries a per-person token
        }

        Completed = await progress.RecordViewAsync(User, Place, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(string course, string book, string chapter, CancellationToken cancellationToken)
    {
        if (!await FindAsync(course, book, chapter, cancellationToken))
        {
            return NotFound();
        }

        var form = Request.Form;
        var question = Chapter.Questions.FirstOrDefault(q => q.Id == form["question"].ToString());
        if (question is null)
        {
            return NotFound();
        }

        var chosen = form["answer"].Select(a => a ?? string.Empty).ToList();
        var positions = form.Keys.Where(k => k.StartsWith(CheckAnswer.PositionPrefix, StringComparison.Ordinal))
            .ToDictionary(k => k[CheckAnswer.PositionPrefix.Length..], k => form[k].ToString(), StringComparer.Ordinal);
        var marking = CheckMarker.Mark(question, chosen, positions);
        if (marking.IsValid && LearningProgress.Records(User, Place.Course) && !await progress.HasReachedAsync(User, Place, cancellationToken))
        {
            // An answer posted for a chapter the learner has not opened: not marked, not recorded.
            marking = CheckMarking.Invalid("Open this chapter before you answer its questions. Nothing was saved");
        }

        Answer = new CheckAnswer(question, chosen, positions, marking);
        if (!marking.IsValid)
        {
            ModelState.AddModelError(Answer.FieldId, marking.Error!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var response = question.Type == CheckKind.Ordering
            ? string.Join("[,]", question.Options.Select(o => positions.GetValueOrDefault(o.Id, "")))
            : string.Join("[,]", chosen);
        Completed = await progress.RecordAnswerAsync(User, Place, question, marking.Right, response, cancellationToken);
        return Page();
    }

    /// <summary>A post naming a handler this page does not have (a forged "complete", say) is not found, never a broken page.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
        }
    }

    private async Task<bool> FindAsync(string course, string book, string chapter, CancellationToken cancellationToken)
    {
        var found = await catalog.FindAsync(db, course, User, cancellationToken);
        if (found?.Content.Book(book) is not { } bookContent || bookContent.Chapter(chapter) is not { } chapterContent)
        {
            return false;
        }

        Place = new BookPlace(found, bookContent, chapterContent);
        return true;
    }
}

/// <summary>An answer to one question, as sent, with its marking.</summary>
public sealed record CheckAnswer(CheckBlock Question, IReadOnlyList<string> Chosen, IReadOnlyDictionary<string, string> Positions, CheckMarking Marking)
{
    public const string PositionPrefix = "position-";

    /// <summary>The id of the question's first field, for the error summary's link.</summary>
    public string FieldId => Question.ElementId + "-" + CheckMarker.PresentedOrder(Question)[0].Id;
}

/// <summary>Where a reader is in a case study: the step shown and the choice they made there, if any.</summary>
public sealed record CaseState(string BlockId, CaseStep Step, CaseChoice? Choice);
