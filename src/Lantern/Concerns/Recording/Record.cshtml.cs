using System.Globalization;
using Lantern.Accounts;
using Lantern.Accounts.Admin;
using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;
using Lantern.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Recording;

/// <summary>
/// Record a concern, one short step at a time. Every step is saved to the person's sealed draft before
/// the next is shown, so a lost connection or an expired session loses at most the step being typed.
/// The draft's id, in the address, is the submission's idempotency key.
/// </summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
[RequestSizeLimit(MaxBody)]
public sealed partial class RecordModel(
    LanternDbContext db,
    ConcernDrafts drafts,
    RecordConcern record,
    ScreeningCatalogues catalogues,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<RecordModel> logger) : PageModel
{
    /// <summary>Enough for 1 MB typed into a field to be answered with a message that keeps it, not a refusal.</summary>
    public const long MaxBody = 3 * 1024 * 1024;

    /// <summary>At most this many people are offered for one search; a longer list means the search needs more letters.</summary>
    public const int StaffSearchLimit = 20;

    public const string NotSavedMessage = "Your concern has not been saved yet because of a problem on our side. Nothing you typed has been lost: it is still on this page. Try again in a minute. If a child is at risk now, do not wait: phone your safeguarding lead, or the police on 999.";

    private static readonly string[] Steps = [RecordingSteps.Danger, RecordingSteps.CallEmergency, RecordingSteps.Staff, RecordingSteps.Children, RecordingSteps.NewChild, RecordingSteps.WhatHappened, RecordingSteps.Check];

    [BindProperty]
    public ConcernDraftContent Input { get; set; } = new();

    [BindProperty]
    public NewChildInput NewChild { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>Came from the check page to change an answer: go back there after.</summary>
    [BindProperty(SupportsGet = true, Name = "change")]
    public bool Changing { get; set; }

    public Guid DraftId { get; private set; }

    public string Step { get; private set; } = RecordingSteps.Danger;

    public ConcernDraftContent Saved { get; private set; } = new();

    public IReadOnlyList<ChildRow> ChosenChildren { get; private set; } = [];

    public IReadOnlyList<ChildRow> SearchResults { get; private set; } = [];

    public IReadOnlyList<CheckboxItem> People { get; private set; } = [];

    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];

    public IReadOnlyList<(string Step, string Message)> Missing { get; private set; } = [];

    public string? SubjectName { get; private set; }

    /// <summary>The catalogue version whose warning signs the what-happened step lists.</summary>
    public int? SignsVersion { get; private set; }

    /// <summary>The warning signs the what-happened step lists, by domain (signs of harm first).</summary>
    public IReadOnlyList<(Domain Domain, IReadOnlyList<Indicator> Signs)> SignGroups { get; private set; } = [];

    /// <summary>The signs ticked in the draft, by their wording in the version they were chosen from.</summary>
    public IReadOnlyList<string> TickedSigns { get; private set; } = [];

    public static IReadOnlyList<CheckboxItem> YesNo { get; } = [new("yes", "Yes"), new("no", "No")];

    public static IReadOnlyList<CheckboxItem> YesNoNotKnown { get; } = [new("yes", "Yes"), new("no", "No"), new("not-known", "Not known")];

    public static IReadOnlyList<CheckboxItem> Sexes { get; } = [new("Female", "Female"), new("Male", "Male"), new("Not known", "Not known or prefer not to say")];

    public static IReadOnlyList<CheckboxItem> CategoryChoices { get; } =
        Enum.GetValues<ConcernCategory>().Select(c => new CheckboxItem(c.ToString(), ConcernRules.CategoryTitle(c))).ToList();

    public string PathFor(string step) => RecordingSteps.Path(DraftId, step);

    public async Task<IActionResult> OnGetAsync(Guid? draftId, string? step, CancellationToken cancellationToken)
    {
        if (draftId is not { } id)
        {
            return Redirect(RecordingSteps.Path(Guid.CreateVersion7(), RecordingSteps.Danger));
        }

        var me = ConcernViewer.Of(User);
        if (await record.AlreadyRecordedAsync(me, id, cancellationToken) is { } done)
        {
            return Redirect($"/concerns/{done.Id}/recorded");
        }

        if (await drafts.TakenAsync(me, id, cancellationToken) || !Steps.Contains(step ?? RecordingSteps.Danger))
        {
            return NotFound();
        }

        var found = await drafts.FindAsync(me, id, cancellationToken);
        if (found is null && step is not (null or RecordingSteps.Danger))
        {
            return Redirect(RecordingSteps.Path(id, RecordingSteps.Danger));
        }

        DraftId = id;
        Step = step ?? RecordingSteps.Danger;
        Saved = found?.Content ?? new ConcernDraftContent();
        Input = Saved;
        if (Step == RecordingSteps.Staff && !string.IsNullOrWhiteSpace(Search) && Input.AboutStaff is null)
        {
            // Searching for a person means the answer is yes; it is saved only when they continue.
            Input = new ConcernDraftContent { AboutStaff = "yes" };
        }

        await LoadAsync(me, cancellationToken);
        return Page();
    }

    /// <summary>Saves one step's answers and moves on.</summary>
    public async Task<IActionResult> OnPostAsync(Guid? draftId, string? step, CancellationToken cancellationToken)
    {
        if (draftId is not { } id || !Steps.Contains(step ?? string.Empty))
        {
            return NotFound();
        }

        var me = ConcernViewer.Of(User);
        if (await record.AlreadyRecordedAsync(me, id, cancellationToken) is { } done)
        {
            return Redirect($"/concerns/{done.Id}/recorded");
        }

        if (await drafts.TakenAsync(me, id, cancellationToken))
        {
            return NotFound();
        }

        DraftId = id;
        Step = step!;
        var found = await drafts.FindAsync(me, id, cancellationToken);
        if (found is null && Step != RecordingSteps.Danger)
        {
            return Redirect(RecordingSteps.Path(id, RecordingSteps.Danger));
        }

        Saved = found?.Content ?? new ConcernDraftContent();
        ModelState.Clear();
        var posted = Input;
        var next = await ValidateAndMergeAsync(me, posted, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(me, posted, cancellationToken);
        }

        try
        {
            await drafts.SaveAsync(me, id, found?.Draft, Saved, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            LogNotSaved(logger, e.GetType().Name);
            ModelState.AddModelError(string.Empty, NotSavedMessage);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return await ShowAgainAsync(me, posted, cancellationToken);
        }

        return Redirect(Changing && next != RecordingSteps.CallEmergency && next != RecordingSteps.Children ? PathFor(RecordingSteps.Check) : PathFor(next));
    }

    /// <summary>With JavaScript, the step being typed is saved every few seconds, unchecked: a draft may be half-written.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid? draftId, string? step, CancellationToken cancellationToken)
    {
        if (draftId is not { } id || step is not (RecordingSteps.WhatHappened or RecordingSteps.NewChild))
        {
            return NotFound();
        }

        var me = ConcernViewer.Of(User);
        var found = await drafts.FindAsync(me, id, cancellationToken);
        if (found is not { } draft)
        {
            return NotFound();
        }

        DraftId = id;
        Step = step;
        Saved = draft.Content;
        if (step == RecordingSteps.WhatHappened)
        {
            CopyWhatHappened(Input, Saved);
        }
        else
        {
            // Only the step's own fields are kept: a half-typed new child stays in the form, not the draft.
            return new NoContentResult();
        }

        try
        {
            await drafts.SaveAsync(me, id, draft.Draft, Saved, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            LogNotSaved(logger, e.GetType().Name);
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return new NoContentResult();
    }

    public async Task<IActionResult> OnPostAddChildAsync(Guid? draftId, string? childId, CancellationToken cancellationToken)
    {
        if (draftId is not { } id)
        {
            return NotFound();
        }

        var me = ConcernViewer.Of(User);
        if (await OpenChildrenStepAsync(me, id, cancellationToken) is not { } draft)
        {
            return Redirect(RecordingSteps.Path(id, RecordingSteps.Danger));
        }

        // Only a child of this organisation can be chosen; another organisation's id is simply not found.
        var child = Guid.TryParse(childId, out var g)
            ? await db.Children.AsNoTracking().Where(c => c.OrganisationId == me.OrganisationId && c.Id == g).Select(c => c.Id).SingleOrDefaultAsync(cancellationToken)
            : Guid.Empty;
        if (child == Guid.Empty)
        {
            ModelState.AddModelError(string.Empty, "That child was not found. Search again and choose a child from the list.");
            return await ShowAgainAsync(me, Saved, cancellationToken);
        }

        if (!Saved.ChildIds.Contains(child.ToString()))
        {
            Saved.ChildIds.Add(child.ToString());
        }

        return await SaveAndShowAsync(me, draft, cancellationToken);
    }

    /// <summary>The author's draft, shown at the children step (choosing or removing a child); null when there is none.</summary>
    private async Task<ConcernDraft?> OpenChildrenStepAsync(ConcernViewer me, Guid id, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(me, id, cancellationToken) is not { } found)
        {
            return null;
        }

        DraftId = id;
        Step = RecordingSteps.Children;
        Saved = found.Content;
        return found.Draft;
    }

    public async Task<IActionResult> OnPostRemoveChildAsync(Guid? draftId, string? childId, CancellationToken cancellationToken)
    {
        if (draftId is not { } id)
        {
            return NotFound();
        }

        var me = ConcernViewer.Of(User);
        if (await OpenChildrenStepAsync(me, id, cancellationToken) is not { } draft)
        {
            return Redirect(RecordingSteps.Path(id, RecordingSteps.Danger));
        }

        Saved.ChildIds.RemoveAll(c => c == childId);
        Saved.NewChildren.RemoveAll(c => c.Id == childId);
        return await SaveAndShowAsync(me, draft, cancellationToken);
    }

    /// <summary>Sends the concern. Idempotent: a second or replayed submit shows the concern already made.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid? draftId, CancellationToken cancellationToken)
    {
        if (draftId is not { } id)
        {
            return NotFound();
        }

        var me = ConcernViewer.Of(User);
        DraftId = id;
        Step = RecordingSteps.Check;
        SubmitResult result;
        try
        {
            result = await record.SubmitAsync(me, id, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            LogNotSaved(logger, e.GetType().Name);
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, NotSavedMessage);
            Saved = (await drafts.FindAsync(me, id, cancellationToken))?.Content ?? new ConcernDraftContent();
            Input = Saved;
            await LoadAsync(me, cancellationToken);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        if (result.Concern is { } concern)
        {
            return Redirect($"/concerns/{concern.Id}/recorded");
        }

        var found = await drafts.FindAsync(me, id, cancellationToken);
        if (found is null)
        {
            return Redirect(RecordingSteps.Path(id, RecordingSteps.Danger));
        }

        foreach (var (_, message) in result.Missing)
        {
            ModelState.AddModelError(string.Empty, message);
        }

        Saved = found.Value.Content;
        Input = Saved;
        await LoadAsync(me, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> SaveAndShowAsync(ConcernViewer me, ConcernDraft draft, CancellationToken cancellationToken)
    {
        try
        {
            await drafts.SaveAsync(me, DraftId, draft, Saved, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            LogNotSaved(logger, e.GetType().Name);
            ModelState.AddModelError(string.Empty, NotSavedMessage);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return await ShowAgainAsync(me, Saved, cancellationToken);
        }

        return Redirect(PathFor(RecordingSteps.Children));
    }

    private async Task<IActionResult> ShowAgainAsync(ConcernViewer me, ConcernDraftContent posted, CancellationToken cancellationToken)
    {
        Input = posted;
        await LoadAsync(me, cancellationToken);
        return Page();
    }

    /// <summary>Checks the posted step; when it is right, copies its answers into the draft and returns the next step.</summary>
    private async Task<string> ValidateAndMergeAsync(ConcernViewer me, ConcernDraftContent posted, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        switch (Step)
        {
            case RecordingSteps.Danger:
                if (posted.ImmediateDanger is not ("yes" or "no"))
                {
                    ModelState.AddModelError("Input.ImmediateDanger", "Select yes if a child is in immediate danger");
                    return Step;
                }

                Saved.ImmediateDanger = posted.ImmediateDanger;
                return Saved.IsUrgent ? RecordingSteps.CallEmergency : RecordingSteps.Staff;

            case RecordingSteps.CallEmergency:
                return RecordingSteps.Staff;

            case RecordingSteps.Staff:
                if (posted.AboutStaff is not ("yes" or "no"))
                {
                    ModelState.AddModelError("Input.AboutStaff", "Select yes if the concern is about a member of staff or volunteer");
                    return Step;
                }

                if (posted.AboutStaff == "yes")
                {
                    var chosen = Guid.TryParse(posted.SubjectPersonId, out var s) && s != me.PersonId
                        && await db.Users.AnyAsync(u => u.OrganisationId == me.OrganisationId && u.Id == s, cancellationToken);
                    if (!chosen)
                    {
                        ModelState.AddModelError("Input.SubjectPersonId", "Choose the member of staff or volunteer the concern is about");
                        return Step;
                    }
                }

                Saved.AboutStaff = posted.AboutStaff;
                Saved.SubjectPersonId = posted.AboutStaff == "yes" ? posted.SubjectPersonId : null;
                return Saved.ChildIds.Count + Saved.NewChildren.Count > 0 && Changing ? RecordingSteps.Check : RecordingSteps.Children;

            case RecordingSteps.Children:
                if (Saved.ChildIds.Count + Saved.NewChildren.Count == 0)
                {
                    ModelState.AddModelError("Search", "Add the child or children the concern is about");
                    return Step;
                }

                return Changing ? RecordingSteps.Check : RecordingSteps.WhatHappened;

            case RecordingSteps.NewChild:
                ValidateNewChild(NewChild, today);
                if (!ModelState.IsValid)
                {
                    return Step;
                }

                NewChild.Id = Guid.CreateVersion7().ToString();
                Saved.NewChildren.Add(NewChild);
                return RecordingSteps.Children;

            case RecordingSteps.WhatHappened:
                var births = await BirthDatesAsync(me, Saved, cancellationToken);
                foreach (var (field, message) in ConcernDraftCheck.WhatHappenedProblems(posted, today, births))
                {
                    ModelState.AddModelError("Input." + field, message);
                }

                posted.IndicatorIds = posted.IndicatorIds.Where(i => !string.IsNullOrEmpty(i)).Distinct(StringComparer.Ordinal).ToList();
                var (_, signs) = await record.SignsOfAsync(me.OrganisationId, posted, cancellationToken);
                if (ConcernDraftCheck.IndicatorProblem(posted, signs) is { } signsProblem)
                {
                    ModelState.AddModelError("Input.IndicatorIds", signsProblem);
                }

                CopyWhatHappened(posted, Saved);
                return RecordingSteps.Attachments;

            default:
                return RecordingSteps.Check;
        }
    }

    private void ValidateNewChild(NewChildInput child, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(child.Name))
        {
            ModelState.AddModelError("NewChild.Name", "Enter the child's name");
        }
        else if (child.Name.Length > ConcernRules.ChildNameMaxLength)
        {
            ModelState.AddModelError("NewChild.Name", $"The child's name must be {ConcernRules.ChildNameMaxLength} characters or fewer");
        }

        var noDate = DateParts.IsEmpty(child.BirthDay, child.BirthMonth, child.BirthYear);
        if (!noDate)
        {
            if (DateParts.Read(child.BirthDay, child.BirthMonth, child.BirthYear) is not { } born)
            {
                ModelState.AddModelError("NewChild.BirthDay", "Date of birth must be a real date, like 27 3 2015");
            }
            else if (ConcernRules.ProblemWithDateOfBirth(born, today) is { } problem)
            {
                ModelState.AddModelError("NewChild.BirthDay", problem);
            }
        }
        else if (string.IsNullOrWhiteSpace(child.Age))
        {
            ModelState.AddModelError("NewChild.BirthDay", "Enter the child's date of birth, or their age if you do not know it");
        }
        else if (!int.TryParse(child.Age.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age > 25)
        {
            ModelState.AddModelError("NewChild.Age", "Age must be a whole number of years from 0 to 25");
        }

        var problems = new List<(string Field, string Message)>();
        ConcernDraftCheck.AddLength(problems, "NewChild.Sex", "Sex", child.Sex, 40);
        ConcernDraftCheck.AddLength(problems, "NewChild.SendOrDisability", "Special educational needs or disability", child.SendOrDisability, ConcernRules.LongTextMaxLength);
        ConcernDraftCheck.AddLength(problems, "NewChild.CommunicationNeeds", "Communication needs", child.CommunicationNeeds, ConcernRules.LongTextMaxLength);
        ConcernDraftCheck.AddLength(problems, "NewChild.SocialWorkerName", "Social worker's name", child.SocialWorkerName, ConcernRules.ShortTextMaxLength);
        ConcernDraftCheck.AddLength(problems, "NewChild.SocialWorkerContact", "Social worker's contact details", child.SocialWorkerContact, ConcernRules.ShortTextMaxLength);
        ConcernDraftCheck.AddLength(problems, "NewChild.ParentalResponsibility", "Who has parental responsibility", child.ParentalResponsibility, ConcernRules.LongTextMaxLength);
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError(field, message);
        }
    }

    private static void CopyWhatHappened(ConcernDraftContent from, ConcernDraftContent to)
    {
        to.Categories = from.Categories;
        to.WhatHappened = from.WhatHappened;
        to.ChildsWords = from.ChildsWords;
        to.OccurredDay = from.OccurredDay;
        to.OccurredMonth = from.OccurredMonth;
        to.OccurredYear = from.OccurredYear;
        to.OccurredTime = from.OccurredTime;
        to.Where = from.Where;
        to.WhoWasPresent = from.WhoWasPresent;
        to.RaisedBy = from.RaisedBy;
        to.Indicators = from.Indicators;
        to.IndicatorIds = from.IndicatorIds;
        to.CatalogueVersion = from.IndicatorIds.Count == 0 ? null : from.CatalogueVersion;
    }

    private async Task<IReadOnlyList<DateOnly?>> BirthDatesAsync(ConcernViewer me, ConcernDraftContent content, CancellationToken cancellationToken)
    {
        var ids = content.ChildIds.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).ToList();
        var known = await db.Children.AsNoTracking()
            .Where(c => c.OrganisationId == me.OrganisationId && ids.Contains(c.Id))
            .Select(c => c.DateOfBirth)
            .ToListAsync(cancellationToken);
        return known.Concat(content.NewChildren.Select(c => DateParts.Read(c.BirthDay, c.BirthMonth, c.BirthYear))).ToList();
    }

    /// <summary>What the step shows besides the form: chosen children, search results, people, files, what is missing.</summary>
    private async Task LoadAsync(ConcernViewer me, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        if (Step is RecordingSteps.Children or RecordingSteps.Check)
        {
            var ids = Saved.ChildIds.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).ToList();
            var known = await db.Children.AsNoTracking()
                .Where(c => c.OrganisationId == me.OrganisationId && ids.Contains(c.Id))
                .Select(c => new { c.Id, c.Name, c.DateOfBirth, c.AgeYears, c.AgeGivenOn })
                .ToListAsync(cancellationToken);
            ChosenChildren = known.Select(c => new ChildRow(c.Id.ToString(), c.Name, Describe(today, c.DateOfBirth, c.AgeYears, c.AgeGivenOn), IsNew: false))
                .Concat(Saved.NewChildren.Select(c => new ChildRow(c.Id, c.Name ?? string.Empty, DescribeNew(c), IsNew: true)))
                .ToList();
        }

        if (Step == RecordingSteps.Children && Search?.Trim() is { Length: >= 2 and <= ConcernRules.ChildNameMaxLength } q)
        {
            var lower = q.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower runs in the database as lower(); there is no culture to give it.
            var found = await db.Children.AsNoTracking()
                .Where(c => c.OrganisationId == me.OrganisationId && c.Name.ToLower().Contains(lower))
                .OrderBy(c => c.Name)
                .Take(20)
                .Select(c => new { c.Id, c.Name, c.DateOfBirth, c.AgeYears, c.AgeGivenOn })
                .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
            SearchResults = found.Select(c => new ChildRow(c.Id.ToString(), c.Name, Describe(today, c.DateOfBirth, c.AgeYears, c.AgeGivenOn), IsNew: false)).ToList();
            if (found.Count > 0)
            {
                // Names shown are a read of those children's records.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await audit.AppendAsync(new AuditEvent(me.OrganisationId, me.PersonId, "child.search", found.Select(c => "child:" + c.Id).ToList()), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        else if (Step == RecordingSteps.Children && Search is { Length: > 0 })
        {
            ModelState.AddModelError("Search", Search.Trim().Length < 2 ? "Enter at least 2 letters of the child's name" : "Enter fewer letters of the child's name");
        }

        if (Step == RecordingSteps.Staff && Search?.Trim() is { Length: >= 2 and <= ConcernRules.ChildNameMaxLength } who)
        {
            // Tenancy in the query: only active people of the person's own organisation, never themselves.
            var lower = who.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower runs in the database as lower(); there is no culture to give it.
            var found = await db.Users.AsNoTracking()
                .Where(u => u.OrganisationId == me.OrganisationId && u.Id != me.PersonId && u.DisabledAt == null
                    && (u.DisplayName.ToLower().Contains(lower) || (u.Email != null && u.Email.ToLower().Contains(lower))))
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                .Take(StaffSearchLimit)
                .Select(u => new { u.Id, u.DisplayName, u.Email })
                .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
            People = found.Select(p => new CheckboxItem(p.Id.ToString(), p.DisplayName, p.Email)).ToList();
            if (found.Count == 0)
            {
                ModelState.AddModelError("Search", "Nobody in your organisation matches that name. Check the spelling, or try part of their name or e-mail address");
            }
        }
        else if (Step == RecordingSteps.Staff && Search is { Length: > 0 })
        {
            ModelState.AddModelError("Search", Search.Trim().Length < 2 ? "Enter at least 2 letters of the person's name" : "Enter fewer letters of the person's name");
        }

        var chosen = Input.SubjectPersonId ?? Saved.SubjectPersonId;
        if (Step is RecordingSteps.Staff or RecordingSteps.Check && Guid.TryParse(chosen, out var subjectId))
        {
            var subject = await db.Users.AsNoTracking()
                .Where(u => u.OrganisationId == me.OrganisationId && u.Id == subjectId)
                .Select(u => new { u.Id, u.DisplayName, u.Email })
                .SingleOrDefaultAsync(cancellationToken);
            if (subject is not null)
            {
                SubjectName = subject.DisplayName;
                if (Step == RecordingSteps.Staff && People.All(p => p.Value != subject.Id.ToString()))
                {
                    People = [new CheckboxItem(subject.Id.ToString(), subject.DisplayName, subject.Email), .. People];
                }
            }
        }

        if (Step == RecordingSteps.Check)
        {
            Attachments = await db.ConcernAttachments.AsNoTracking()
                .Where(a => a.OrganisationId == me.OrganisationId && a.DraftId == DraftId)
                .OrderBy(a => a.AddedAt)
                .Select(a => new AttachmentRow(a.Id, a.FileName, a.Length))
                .ToListAsync(cancellationToken);
            var missing = ConcernDraftCheck.Missing(Saved, today, await BirthDatesAsync(me, Saved, cancellationToken)).ToList();
            var (_, signs) = await record.SignsOfAsync(me.OrganisationId, Saved, cancellationToken);
            if (ConcernDraftCheck.IndicatorProblem(Saved, signs) is { } signsProblem)
            {
                missing.Add((RecordingSteps.WhatHappened, signsProblem));
            }

            Missing = missing;
            TickedSigns = signs is null ? [] : Saved.IndicatorIds.Select(id => signs.Indicators.FirstOrDefault(i => i.Id == id)?.Text).OfType<string>().ToList();
        }

        if (Step == RecordingSteps.WhatHappened)
        {
            // The version the ticks were made from while the draft has any, so nothing ticked is lost; else the current one.
            var (version, chosenFrom) = Input.IndicatorIds.Count > 0 ? await record.SignsOfAsync(me.OrganisationId, Input, cancellationToken) : (null, null);
            if (version is not { } v || chosenFrom is null)
            {
                (v, chosenFrom) = await catalogues.CurrentAsync(me.OrganisationId, cancellationToken);
            }

            SignsVersion = v;
            SignGroups = chosenFrom.SignsByDomain();
        }
    }

    public static string Describe(DateOnly today, DateOnly? born, int? age, DateOnly? ageGivenOn)
    {
        var years = ConcernRules.AgeOn(today, born, age, ageGivenOn);
        return born is { } b
            ? $"Born {UkTime.Date(b)} (age {years})"
            : years is { } y ? $"Age about {y}" : "Age not known";
    }

    private static string DescribeNew(NewChildInput child)
    {
        return DateParts.Read(child.BirthDay, child.BirthMonth, child.BirthYear) is { } born
            ? $"Born {UkTime.Date(born)} (new)"
            : $"Age {child.Age} (new)";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A concern or its draft could not be saved ({Error}); the person was told and their text kept.")]
    private static partial void LogNotSaved(ILogger logger, string error);

    /// <summary>A child chosen or found: its id, name and how old.</summary>
    public sealed record ChildRow(string Id, string Name, string Age, bool IsNew);

    /// <summary>A file attached to the draft.</summary>
    public sealed record AttachmentRow(Guid Id, string FileName, long Length);
}
