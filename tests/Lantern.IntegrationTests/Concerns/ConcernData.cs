using Lantern.Accounts.Organisations;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Concerns;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Concerns;

/// <summary>Reads what the app stored, and makes another organisation's child and concern, for the tests to check against.</summary>
public static class ConcernData
{
    public static async Task<T> WithDbAsync<T>(LanternApp app, Func<LanternDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LanternDbContext>());
    }

    public static Task<Guid> PersonIdAsync(LanternApp app, string role) =>
        WithDbAsync(app, db => db.Users.Where(u => u.Email == DemoPeople.EmailFor(role)).Select(u => u.Id).SingleAsync());

    public static Task<Concern> ConcernAsync(LanternApp app, Guid id) =>
        WithDbAsync(app, db => db.Concerns.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<List<AuditEntry>> AuditAsync(LanternApp app, string action) =>
        WithDbAsync(app, db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync());

    /// <summary>Another organisation with a child and an open concern about it, made as the app would store them.</summary>
    public static async Task<(Guid ChildId, Guid ConcernId)> OtherOrganisationConcernAsync(LanternApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<Lantern.Security.Encryption.IRecordCipher>();
        var now = TimeProvider.System.GetUtcNow();
        var other = new Organisation { Name = "Hillside Youth Club " + Guid.NewGuid().ToString("N")[..6], CreatedAt = now };
        db.Organisations.Add(other);
        var email = $"dsl-{Guid.NewGuid():N}@hillside.example";
        var author = new LanternUser { OrganisationId = other.Id, DisplayName = "Hillside DSL", Email = email, UserName = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), CreatedAt = now };
        db.Users.Add(author);
        var child = new Child { OrganisationId = other.Id, Name = "Hillside Child", DateOfBirth = new DateOnly(2013, 1, 1), CreatedAt = now, CreatedById = author.Id };
        db.Children.Add(child);
        var id = Guid.CreateVersion7();
        var what = cipher.SealText("Other organisation's concern", Concern.WhatHappenedContext(id));
        var words = cipher.SealText(string.Empty, Concern.ChildsWordsContext(id));
        db.Concerns.Add(new Concern
        {
            Id = id,
            OrganisationId = other.Id,
            Reference = "C-2026-900001",
            Categories = "Neglect",
            WhatHappenedKeyId = what.KeyId,
            WhatHappenedSealed = what.Data,
            ChildsWordsKeyId = words.KeyId,
            ChildsWordsSealed = words.Data,
            OccurredAt = now,
            RecordedById = author.Id,
            RecordedAt = now,
            IdempotencyKey = Guid.NewGuid(),
        });
        db.ConcernChildren.Add(new ConcernChild { OrganisationId = other.Id, ConcernId = id, ChildId = child.Id });
        db.ChronologyEntries.Add(new ChronologyEntry { OrganisationId = other.Id, ChildId = child.Id, ConcernId = id, OccurredAt = now, RecordedAt = now, RecordedById = author.Id });
        await db.SaveChangesAsync();
        return (child.Id, id);
    }

    /// <summary>Open concerns stored directly in the demo organisation (as the app would store them), recorded at the given times.</summary>
    public static async Task<List<Guid>> AddDemoConcernsAsync(LanternApp app, IEnumerable<(bool Urgent, DateTimeOffset RecordedAt)> concerns)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(concerns);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<Lantern.Security.Encryption.IRecordCipher>();
        var author = await db.Users.Where(u => u.Email == DemoPeople.EmailFor(Roles.Learner)).Select(u => new { u.Id, u.OrganisationId }).SingleAsync();
        var child = new Child { OrganisationId = author.OrganisationId, Name = "Paged Child " + Guid.NewGuid().ToString("N")[..6], DateOfBirth = new DateOnly(2014, 5, 1), CreatedAt = TimeProvider.System.GetUtcNow(), CreatedById = author.Id };
        db.Children.Add(child);
        var ids = new List<Guid>();
        foreach (var (urgent, recordedAt) in concerns)
        {
            var id = Guid.CreateVersion7();
            var what = cipher.SealText("Stored for the inbox", Concern.WhatHappenedContext(id));
            var words = cipher.SealText(string.Empty, Concern.ChildsWordsContext(id));
            db.Concerns.Add(new Concern
            {
                Id = id,
                OrganisationId = author.OrganisationId,
                Reference = "C-2000-" + Guid.NewGuid().ToString("N")[..12],
                Categories = "Neglect",
                Urgent = urgent,
                WhatHappenedKeyId = what.KeyId,
                WhatHappenedSealed = what.Data,
                ChildsWordsKeyId = words.KeyId,
                ChildsWordsSealed = words.Data,
                OccurredAt = recordedAt,
                RecordedById = author.Id,
                RecordedAt = recordedAt,
                IdempotencyKey = Guid.NewGuid(),
            });
            db.ConcernChildren.Add(new ConcernChild { OrganisationId = author.OrganisationId, ConcernId = id, ChildId = child.Id });
            ids.Add(id);
        }

        await db.SaveChangesAsync();
        return ids;
    }
}
