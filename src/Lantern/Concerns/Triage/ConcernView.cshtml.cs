using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Screening.Catalogue;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Triage;

/// <summary>
/// One concern, everything recorded, for the people who handle it: what happened, the child's words,
/// each child's circumstances, decisions and addenda. The first opening is recorded (it stops the
/// escalation clock); every view is audited naming the records shown.
/// </summary>
public sealed class ConcernViewModel(LanternDbContext db, IAuditTrail audit, IRecordCipher cipher, IAuthorizationService authorization, ScreeningCatalogues catalogues, TimeProvider clock) : PageModel
{
    public const string NoticeKey = "ConcernNotice";

    [TempData(Key = NoticeKey)]
    public string? Notice { get; set; }

    public Concern Concern { get; private set; } = null!;

    public string WhatHappened { get; private set; } = string.Empty;

    public string ChildsWords { get; private set; } = string.Empty;

    public IReadOnlyList<Child> Children { get; private set; } = [];

    /// <summary>The warning signs ticked, by their wording in the catalogue version they were chosen from.</summary>
    public IReadOnlyList<string> TickedSigns { get; private set; } = [];

    public IReadOnlyList<(Decision Decision, string Rationale)> Decisions { get; private set; } = [];

    public IReadOnlyList<(Addendum Addendum, string Text)> Addenda { get; private set; } = [];

    public IReadOnlyList<ConcernAttachment> Attachments { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public string NameOf(Guid? id) => id is { } g && Names.TryGetValue(g, out var name) ? name : "Unknown person";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        var concern = await TriageAccess.FindHandledAsync(db, me, id, tracked: true, cancellationToken);
        if (concern is null || !(await authorization.AuthorizeAsync(User, concern, ConcernOperations.Read)).Succeeded)
        {
            db.ChangeTracker.Clear();
            await audit.RecordAccessDeniedAsync(db, User, "concern:" + id, "read", cancellationToken);
            return NotFound();
        }

        Concern = concern;
        WhatHappened = cipher.OpenText(concern.WhatHappened, Concern.WhatHappenedContext(concern.Id));
        ChildsWords = cipher.OpenText(concern.ChildsWords, Concern.ChildsWordsContext(concern.Id));
        if (concern.IndicatorCatalogueVersion is { } version && concern.TickedIndicators.Count > 0)
        {
            var chosenFrom = await catalogues.FindAsync(me.OrganisationId, version, cancellationToken);
            TickedSigns = concern.TickedIndicators.Select(i => chosenFrom?.Indicators.FirstOrDefault(x => x.Id == i)?.Text ?? i).ToList();
        }
        Children = await (
                from cc in db.ConcernChildren
                join ch in db.Children on new { cc.OrganisationId, Id = cc.ChildId } equals new { ch.OrganisationId, ch.Id }
                where cc.OrganisationId == me.OrganisationId && cc.ConcernId == id
                orderby ch.Name
                select ch)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.OrganisationId == me.OrganisationId && d.ConcernId == id).OrderBy(d => d.DecidedAt).ToListAsync(cancellationToken);
        Decisions = decisions.Select(d => (d, cipher.OpenText(d.Rationale, Decision.RationaleContext(d.Id)))).ToList();
        var addenda = await db.Addenda.AsNoTracking().Where(a => a.OrganisationId == me.OrganisationId && a.ConcernId == id).OrderBy(a => a.AddedAt).ToListAsync(cancellationToken);
        Addenda = addenda.Select(a => (a, cipher.OpenText(a.Text, Addendum.TextContext(a.Id)))).ToList();
        Attachments = await db.ConcernAttachments.AsNoTracking()
            .Where(a => a.OrganisationId == me.OrganisationId && a.ConcernId == id)
            .OrderBy(a => a.AddedAt)
            .Select(a => new ConcernAttachment { Id = a.Id, OrganisationId = a.OrganisationId, FileName = a.FileName, ContentType = a.ContentType, Length = a.Length, ContentKeyId = "", ContentSealed = Array.Empty<byte>(), AddedAt = a.AddedAt })
            .ToListAsync(cancellationToken);
        var people = new[] { concern.RecordedById, concern.SubjectPersonId ?? Guid.Empty }
            .Concat(decisions.Select(d => d.DecidedById)).Concat(addenda.Select(a => a.AddedById)).Distinct().ToList();
        Names = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == me.OrganisationId && people.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (concern.FirstOpenedAt is null)
        {
            concern.FirstOpenedAt = clock.GetUtcNow();
            concern.FirstOpenedById = me.PersonId;
        }

        var records = new List<string> { "concern:" + id };
        records.AddRange(Children.Select(c => "child:" + c.Id));
        records.AddRange(decisions.Select(d => "decision:" + d.Id));
        records.AddRange(addenda.Select(a => "addendum:" + a.Id));
        await audit.AppendAsync(new AuditEvent(me.OrganisationId, me.PersonId, "concern.read", records), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Page();
    }
}
