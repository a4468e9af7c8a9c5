using Lantern.Accounts;
using Lantern.Accounts.Admin;
using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Triage;

/// <summary>
/// A decision on a concern, with its rationale (sealed): the concern leaves the inbox, and each child's
/// chronology gains the decision. A decision not to share needs its reasons like any other.
/// </summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
[RequestSizeLimit(3 * 1024 * 1024)]
public sealed class DecideModel(LanternDbContext db, IAuditTrail audit, IRecordCipher cipher, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int RationaleMaxLength = 20_000;

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public Concern Concern { get; private set; } = null!;

    public static IReadOnlyList<CheckboxItem> Choices { get; } =
        Enum.GetValues<DecisionType>().Select(t => new CheckboxItem(t.ToString(), ConcernRules.DecisionTitle(t), t switch
        {
            DecisionType.ReferToLado => "For an allegation about a member of staff or volunteer.",
            DecisionType.DecisionNotToShare => "Record why the information is not being shared.",
            _ => null,
        })).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, ConcernOperations.Decide, cancellationToken) is not { } concern)
        {
            return NotFound();
        }

        Concern = concern;
        var me = ConcernViewer.Of(User);
        await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "concern.read", ["concern:" + id], "decision form"), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, ConcernOperations.Decide, cancellationToken) is not { } concern)
        {
            return NotFound();
        }

        Concern = concern;
        var type = Enum.GetNames<DecisionType>().Contains(Input.Type, StringComparer.Ordinal) ? Enum.Parse<DecisionType>(Input.Type!) : (DecisionType?)null;
        if (type is null)
        {
            ModelState.AddModelError("Input.Type", "Select the decision");
        }

        if (string.IsNullOrWhiteSpace(Input.Rationale))
        {
            ModelState.AddModelError("Input.Rationale", "Enter the reasons for the decision");
        }
        else if (Input.Rationale.Length > RationaleMaxLength)
        {
            ModelState.AddModelError("Input.Rationale", $"The reasons must be {RationaleMaxLength:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var me = ConcernViewer.Of(User);
        var now = clock.GetUtcNow();
        var decisionId = Guid.CreateVersion7();
        var rationale = cipher.SealText(Input.Rationale!.Trim(), Decision.RationaleContext(decisionId));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Decisions.Add(new Decision
        {
            Id = decisionId,
            OrganisationId = me.OrganisationId,
            ConcernId = id,
            Type = type!.Value,
            RationaleKeyId = rationale.KeyId,
            RationaleSealed = rationale.Data,
            DecidedById = me.PersonId,
            DecidedAt = now,
        });
        var tracked = await db.Concerns.Where(c => c.OrganisationId == me.OrganisationId && c.Id == id).SingleAsync(cancellationToken);
        tracked.Status = ConcernStatus.Decided;
        tracked.FirstOpenedAt ??= now;
        tracked.FirstOpenedById ??= me.PersonId;
        var children = await db.ConcernChildren.Where(cc => cc.OrganisationId == me.OrganisationId && cc.ConcernId == id).Select(cc => cc.ChildId).ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            db.ChronologyEntries.Add(new ChronologyEntry
            {
                OrganisationId = me.OrganisationId,
                ChildId = child,
                Kind = ChronologyKind.Decision,
                OccurredAt = now,
                RecordedAt = now,
                RecordedById = me.PersonId,
                ConcernId = id,
                DecisionId = decisionId,
            });
        }

        await audit.AppendAsync(new AuditEvent(me.OrganisationId, me.PersonId, "concern.decide", ["concern:" + id, "decision:" + decisionId], type.Value.ToString()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData[ConcernViewModel.NoticeKey] = $"Decision recorded: {ConcernRules.DecisionTitle(type.Value)}";
        return Redirect($"/concerns/{id}");
    }

    private async Task<Concern?> FindAsync(Guid id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var concern = await TriageAccess.FindHandledAsync(db, ConcernViewer.Of(User), id, tracked: false, cancellationToken);
        if (concern is not null && (await authorization.AuthorizeAsync(User, concern, operation)).Succeeded)
        {
            return concern;
        }

        await audit.RecordAccessDeniedAsync(db, User, "concern:" + id, operation.Name, cancellationToken);
        return null;
    }

    /// <summary>The decision form as posted.</summary>
    public sealed class DecisionInput
    {
        public string? Type { get; set; }

        public string? Rationale { get; set; }
    }
}
