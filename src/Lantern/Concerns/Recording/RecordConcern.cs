using System.Globalization;
using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Concerns.Notifications;
using Lantern.Data;
using Lantern.Screening.Catalogue;
using Lantern.Security.Encryption;
using Lantern.Shared;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Recording;

/// <summary>
/// Turns a person's draft into a concern, once: the draft's id is the idempotency key, so a double or
/// replayed submit finds the concern already made. The concern, its children, their chronology, its
/// attachments, the draft's removal and the audit entry are one transaction: all saved, or none.
/// </summary>
public sealed class RecordConcern(LanternDbContext db, IRecordCipher cipher, IAuditTrail audit, ConcernDrafts drafts, ConcernMail mail, ScreeningCatalogues catalogues, TimeProvider clock)
{
    /// <summary>The catalogue version the draft's ticked signs come from, with its content; null content when the organisation has no such version.</summary>
    public async Task<(int? Version, CatalogueContent? Content)> SignsOfAsync(Guid organisationId, ConcernDraftContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!int.TryParse(content.CatalogueVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            return (null, null);
        }

        return (version, await catalogues.FindAsync(organisationId, version, cancellationToken));
    }

    public async Task<Concern?> AlreadyRecordedAsync(ConcernViewer me, Guid key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await db.Concerns.AsNoTracking()
            .Where(c => c.OrganisationId == me.OrganisationId && c.RecordedById == me.PersonId && c.IdempotencyKey == key)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The concern recorded from this draft, or the steps still missing (nothing saved).</summary>
    public async Task<SubmitResult> SubmitAsync(ConcernViewer me, Guid key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (await AlreadyRecordedAsync(me, key, cancellationToken) is { } done)
        {
            return new SubmitResult(done, Replayed: true, []);
        }

        var found = await drafts.FindAsync(me, key, cancellationToken);
        if (found is not { } draft)
        {
            // The same draft sent at the same moment by another request, which has just committed: its concern stands.
            if (await AlreadyRecordedAsync(me, key, cancellationToken) is { } justDone)
            {
                return new SubmitResult(justDone, Replayed: true, []);
            }

            return new SubmitResult(null, Replayed: false, [(RecordingSteps.Danger, "This concern was not found. It may have been sent already, or it was not finished within 7 days.")]);
        }

        var content = draft.Content;
        var now = clock.GetUtcNow();
        var today = UkTime.DateOf(now);
        var childIds = content.ChildIds.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Distinct().ToList();
        var existingChildren = await db.Children.AsNoTracking()
            .Where(c => c.OrganisationId == me.OrganisationId && childIds.Contains(c.Id))
            .ToListAsync(cancellationToken);
        var births = existingChildren.Select(c => c.DateOfBirth)
            .Concat(content.NewChildren.Select(c => DateParts.Read(c.BirthDay, c.BirthMonth, c.BirthYear)))
            .ToList();
        var missing = ConcernDraftCheck.Missing(content, today, births).ToList();
        if (existingChildren.Count != childIds.Count)
        {
            missing.Add((RecordingSteps.Children, "A child you chose is no longer available. Check the children and try again."));
        }

        Guid? subject = content.IsAboutStaff && Guid.TryParse(content.SubjectPersonId, out var s) ? s : null;
        var subjectIsLead = false;
        if (subject is { } subjectId)
        {
            var person = await db.Users.AsNoTracking().Where(u => u.OrganisationId == me.OrganisationId && u.Id == subjectId).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
            if (person == Guid.Empty)
            {
                missing.Add((RecordingSteps.Staff, "Choose the member of staff or volunteer from the list"));
            }
            else
            {
                subjectIsLead = await ConcernPeople.IsSafeguardingLeadAsync(db, me.OrganisationId, subjectId, cancellationToken);
            }
        }

        var (signsVersion, signs) = await SignsOfAsync(me.OrganisationId, content, cancellationToken);
        if (ConcernDraftCheck.IndicatorProblem(content, signs) is { } signsProblem)
        {
            missing.Add((RecordingSteps.WhatHappened, signsProblem));
        }

        if (missing.Count > 0)
        {
            return new SubmitResult(null, Replayed: false, missing);
        }

        try
        {
            var concern = await SaveAsync(me, key, draft.Draft, content, content.IndicatorIds.Count == 0 ? null : signsVersion, existingChildren, subject, subjectIsLead, now, cancellationToken);
            return new SubmitResult(concern, Replayed: concern.RecordedAt != now, []);
        }
        catch (DbUpdateException)
        {
            // The same key submitted twice at once: the other request made the concern.
            db.ChangeTracker.Clear();
            if (await AlreadyRecordedAsync(me, key, cancellationToken) is { } other)
            {
                return new SubmitResult(other, Replayed: true, []);
            }

            throw;
        }
    }

    private async Task<Concern> SaveAsync(
        ConcernViewer me, Guid key, ConcernDraft draft, ConcernDraftContent content, int? signsVersion, List<Child> existingChildren,
        Guid? subject, bool subjectIsLead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Taking the next number first locks the organisation's counter: submissions in one
        // organisation queue here, so the check for a concern with this key below cannot race.
        var number = await NextNumberAsync(me.OrganisationId, now.Year, cancellationToken);
        if (await AlreadyRecordedAsync(me, key, cancellationToken) is { } done)
        {
            await transaction.RollbackAsync(cancellationToken);
            return done;
        }

        var settings = await db.SafeguardingSettings.AsNoTracking().SingleOrDefaultAsync(x => x.OrganisationId == me.OrganisationId, cancellationToken)
            ?? SafeguardingSettings.DefaultsFor(me.OrganisationId);
        var (route, routedTo) = ConcernRules.Route(subject, subjectIsLead, settings.AllegationsLeadId);

        var on = DateParts.Read(content.OccurredDay, content.OccurredMonth, content.OccurredYear)!.Value;
        var time = DateParts.ReadTime(content.OccurredTime);
        // Typed in UK local time; stored as UTC, so a chronology stays in order across the clocks changing.
        var occurredAt = UkTime.FromUk(on, time ?? TimeOnly.MinValue);
        var id = Guid.CreateVersion7();
        var whatHappened = cipher.SealText(content.WhatHappened!.Trim(), Concern.WhatHappenedContext(id));
        var childsWords = cipher.SealText(content.ChildsWords?.Trim() ?? string.Empty, Concern.ChildsWordsContext(id));
        var concern = new Concern
        {
            Id = id,
            OrganisationId = me.OrganisationId,
            Reference = ConcernRules.Reference(now.Year, number),
            IdempotencyKey = key,
            Urgent = content.IsUrgent,
            AboutStaff = content.IsAboutStaff,
            SubjectPersonId = subject,
            Route = route,
            RoutedToPersonId = routedTo,
            Categories = ConcernRules.FormatCategories(content.Categories.Select(Enum.Parse<ConcernCategory>)),
            WhatHappenedKeyId = whatHappened.KeyId,
            WhatHappenedSealed = whatHappened.Data,
            ChildsWordsKeyId = childsWords.KeyId,
            ChildsWordsSealed = childsWords.Data,
            OccurredAt = occurredAt,
            OccurredTimeKnown = time is not null,
            Location = Tidy(content.Where),
            WhoWasPresent = Tidy(content.WhoWasPresent),
            RaisedBy = Tidy(content.RaisedBy),
            Indicators = Tidy(content.Indicators),
            IndicatorIds = signsVersion is null ? null : string.Join(',', content.IndicatorIds.Distinct(StringComparer.Ordinal)),
            IndicatorCatalogueVersion = signsVersion,
            RecordedById = me.PersonId,
            RecordedAt = now,
            Status = ConcernStatus.Open,
        };
        db.Concerns.Add(concern);

        var children = existingChildren.Select(c => c.Id).ToList();
        foreach (var added in content.NewChildren)
        {
            var child = NewChild(me, added, now);
            db.Children.Add(child);
            children.Add(child.Id);
        }

        foreach (var childId in children)
        {
            db.ConcernChildren.Add(new ConcernChild { OrganisationId = me.OrganisationId, ConcernId = id, ChildId = childId });
            db.ChronologyEntries.Add(new ChronologyEntry
            {
                OrganisationId = me.OrganisationId,
                ChildId = childId,
                Kind = ChronologyKind.ConcernRecorded,
                OccurredAt = occurredAt,
                RecordedAt = now,
                RecordedById = me.PersonId,
                ConcernId = id,
            });
        }

        await db.Database.ExecuteSqlAsync(
            $"""UPDATE "ConcernAttachments" SET "ConcernId" = {id}, "DraftId" = NULL WHERE "OrganisationId" = {me.OrganisationId} AND "DraftId" = {key}""",
            cancellationToken);
        db.ConcernDrafts.Remove(draft);

        var records = new List<string> { "concern:" + id };
        records.AddRange(children.Select(c => "child:" + c));
        await audit.AppendAsync(new AuditEvent(me.OrganisationId, me.PersonId, "concern.create", records, concern.Urgent ? "urgent" : null), cancellationToken);
        await mail.QueueForHandlersAsync(concern, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.SendSoon();
        return concern;
    }

    /// <summary>
    /// The organisation's next number for the year, taken inside the caller's transaction by one atomic upsert
    /// (the same SQL on both providers), so the counter row stays locked until it commits: an UPDATE that matched
    /// no row would lock nothing, and two first-of-the-year submissions would both insert and one fail on the key.
    /// </summary>
    private async Task<int> NextNumberAsync(Guid organisationId, int year, CancellationToken cancellationToken)
    {
        var numbers = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO "ConcernReferenceCounters" ("OrganisationId", "Year", "LastNumber") VALUES ({organisationId}, {year}, 1)
            ON CONFLICT ("OrganisationId", "Year") DO UPDATE SET "LastNumber" = "ConcernReferenceCounters"."LastNumber" + 1
            RETURNING "LastNumber" AS "Value"
            """)
            .ToListAsync(cancellationToken);
        return numbers.Single();
    }

    private static Child NewChild(ConcernViewer me, NewChildInput input, DateTimeOffset now)
    {
        var today = UkTime.DateOf(now);
        var born = DateParts.Read(input.BirthDay, input.BirthMonth, input.BirthYear);
        var age = born is null && int.TryParse(input.Age, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : (int?)null;
        return new Child
        {
            Id = Guid.TryParse(input.Id, out var id) ? id : Guid.CreateVersion7(),
            OrganisationId = me.OrganisationId,
            Name = input.Name!.Trim(),
            DateOfBirth = born,
            AgeYears = age,
            AgeGivenOn = age is null ? null : today,
            Sex = Tidy(input.Sex),
            SendOrDisability = Tidy(input.SendOrDisability),
            CommunicationNeeds = Tidy(input.CommunicationNeeds),
            KnownToSocialCare = YesNo(input.KnownToSocialCare),
            SocialWorkerName = Tidy(input.SocialWorkerName),
            SocialWorkerContact = Tidy(input.SocialWorkerContact),
            ChildProtectionPlan = YesNo(input.ChildProtectionPlan),
            LookedAfter = YesNo(input.LookedAfter),
            ParentalResponsibility = Tidy(input.ParentalResponsibility),
            CreatedById = me.PersonId,
            CreatedAt = now,
        };
    }

    public static YesNoUnknown YesNo(string? value) => value switch
    {
        "yes" => YesNoUnknown.Yes,
        "no" => YesNoUnknown.No,
        _ => YesNoUnknown.NotKnown,
    };

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
