using System.Diagnostics;
using System.Globalization;
using Lantern.Concerns;
using Lantern.Data;
using Lantern.Security.Encryption;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lantern.Load;

/// <summary>
/// Adds realistic safeguarding concerns to a generated database, as the app would have recorded them
/// over three years: shared among the organisations by their staff numbers; urgent, about staff and
/// several children now and then; what happened and the child's words sealed through the app's own
/// <see cref="IRecordCipher"/> (the master key in the data folder, which the app then reads); each
/// child's chronology; most older concerns decided with a sealed rationale, most of the last month's
/// still open. Written in batches through the app's own model, so it runs in minutes.
/// </summary>
public static class GenerateConcerns
{
    /// <summary>The last day concerns are recorded on; dates run back three years from it.</summary>
    public static readonly DateTimeOffset End = new(2026, 11, 28, 18, 0, 0, TimeSpan.Zero);

    private const int BatchConcerns = 4_000;

    private static readonly string[] FirstNames = ["Amira", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Harley", "Isla", "Jayden", "Kai", "Lily", "Mason", "Nia", "Oscar", "Priya", "Reuben", "Sofia", "Theo", "Zara"];
    private static readonly string[] LastNames = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Owen", "Patel", "Roberts", "Smith", "Taylor", "Walker"];
    private static readonly string[] WhatHappened =
    [
        "Arrived without a coat in the rain and said they had not eaten since yesterday.",
        "A bruise on the upper arm; when asked, they looked away and changed the subject.",
        "Was collected by an adult nobody recognised, who did not know the child's name.",
        "Showed a message on their phone from someone they met online asking for photographs.",
        "Became very upset when told they were going home and asked to stay at the club.",
        "Another child reported being pushed and called names in the changing room.",
        "Said that the shouting at home keeps them awake and that mum cries a lot.",
        "Has new expensive trainers and a second phone; older teenagers wait outside.",
    ];

    private static readonly string[] ChildsWords =
    [
        "There was nothing in the cupboard.", "I fell over. I don't want to talk about it.", "He said he's my uncle.",
        "Please don't tell anyone.", "I don't want to go home today.", "It happens every week.", "",
    ];

    private static readonly string[] Rationales =
    [
        "Spoke with the parent, who explained and agreed to a follow-up; no further concerns at present.",
        "Pattern across three concerns now meets the threshold; referred to the children's social care front door.",
        "Shared with the school's DSL with the parent's consent; monitor for four weeks.",
        "Early help offered and accepted; family support worker to visit.",
    ];

    /// <summary>Adds <paramref name="total"/> concerns; returns how many rows were written in all.</summary>
    public static async Task<long> AddAsync(LanternDbContext db, string dataFolder, int total, int seed)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cipher = new EnvelopeCipher(new MasterKeyRing(
            Options.Create(new EncryptionOptions()),
            Options.Create(new LanternOptions { DataFolder = dataFolder }),
            TimeProvider.System,
            NullLogger<MasterKeyRing>.Instance));
        var random = new Random(seed + 7);
        var people = await db.Users.AsNoTracking()
            .Select(u => new { u.OrganisationId, u.Id, u.Email })
            .ToListAsync();
        var organisations = people.GroupBy(p => p.OrganisationId)
            .Select(g => new Staff(
                g.Key,
                g.Select(p => p.Id).ToArray(),
                g.Where(p => p.Email!.StartsWith("person2@", StringComparison.Ordinal) || p.Email.StartsWith("person3@", StringComparison.Ordinal)).Select(p => p.Id).ToArray()))
            .OrderByDescending(o => o.People.Length).ThenBy(o => o.OrganisationId)
            .ToList();
        var staffCount = organisations.Sum(o => (long)o.People.Length);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var clock = Stopwatch.StartNew();
        var progress = new Progress(clock);
        for (var i = 0; i < organisations.Count; i++)
        {
            var organisation = organisations[i];
            var count = i == organisations.Count - 1
                ? total - progress.Concerns
                : (int)(total * (long)organisation.People.Length / staffCount);
            await AddOrganisationAsync(db, cipher, random, organisation, count, progress);
        }

        await SaveAsync(db, progress);
        return progress.Rows;
    }

    /// <summary>One organisation's concerns in the order they were recorded, saved every few thousand.</summary>
    private static async Task AddOrganisationAsync(LanternDbContext db, EnvelopeCipher cipher, Random random, Staff organisation, int count, Progress progress)
    {
        var span = TimeSpan.FromDays(3 * 365);
        var times = Enumerable.Range(0, count)
            .Select(_ => End - TimeSpan.FromSeconds(random.NextDouble() * span.TotalSeconds))
            .Order()
            .ToList();
        var children = new List<Child>();
        var numbers = new Dictionary<int, int>();
        var handlers = organisation.Leads.Length > 0 ? organisation.Leads : organisation.People;
        foreach (var recordedAt in times)
        {
            var recorder = organisation.People[random.Next(organisation.People.Length)];
            var year = recordedAt.Year;
            numbers[year] = numbers.GetValueOrDefault(year) + 1;
            var aboutStaff = random.Next(100) < 3;
            Guid? subject = aboutStaff ? organisation.People[random.Next(organisation.People.Length)] : null;
            var (route, routedTo) = ConcernRules.Route(subject, subject is { } s && organisation.Leads.Contains(s), null);
            var recent = End - recordedAt < TimeSpan.FromDays(30);
            var open = recent ? random.Next(100) < 70 : random.Next(1000) < 10;
            var id = Guid.CreateVersion7(recordedAt);
            var occurredAt = recordedAt - TimeSpan.FromMinutes(random.Next(0, 3 * 24 * 60));
            var whatHappened = cipher.SealText(WhatHappened[random.Next(WhatHappened.Length)], Concern.WhatHappenedContext(id));
            var childsWords = cipher.SealText(ChildsWords[random.Next(ChildsWords.Length)], Concern.ChildsWordsContext(id));
            var categories = Enumerable.Range(0, random.Next(100) < 80 ? 1 : 2)
                .Select(_ => (ConcernCategory)random.Next(Enum.GetValues<ConcernCategory>().Length))
                .Distinct();
            var decidedAt = recordedAt + TimeSpan.FromMinutes(random.Next(30, 5 * 24 * 60));
            var opened = !open || random.Next(2) == 0;
            progress.Pending.Add(new Concern
            {
                Id = id,
                OrganisationId = organisation.OrganisationId,
                Reference = ConcernRules.Reference(year, numbers[year]),
                IdempotencyKey = Guid.CreateVersion7(recordedAt),
                Urgent = random.Next(100) < 5,
                AboutStaff = aboutStaff,
                SubjectPersonId = subject,
                Route = route,
                RoutedToPersonId = routedTo,
                Categories = ConcernRules.FormatCategories(categories),
                WhatHappenedKeyId = whatHappened.KeyId,
                WhatHappenedSealed = whatHappened.Data,
                ChildsWordsKeyId = childsWords.KeyId,
                ChildsWordsSealed = childsWords.Data,
                OccurredAt = occurredAt,
                OccurredTimeKnown = random.Next(2) == 0,
                Location = $"Location {random.Next(1, 6)}",
                RaisedBy = random.Next(10) == 0 ? "A parent, by telephone" : null,
                RecordedById = recorder,
                RecordedAt = recordedAt,
                Status = open ? ConcernStatus.Open : ConcernStatus.Decided,
                FirstOpenedAt = opened ? recordedAt + TimeSpan.FromMinutes(random.Next(5, 600)) : null,
                FirstOpenedById = opened ? handlers[random.Next(handlers.Length)] : null,
            });
            progress.Rows++;

            // Mostly one child, sometimes siblings; a child already known half the time.
            var involved = new List<Guid>();
            for (var c = random.Next(100) < 85 ? 1 : random.Next(2, 4); c > 0; c--)
            {
                if (children.Count > 0 && random.Next(2) == 0)
                {
                    involved.Add(children[random.Next(children.Count)].Id);
                    continue;
                }

                var born = DateOnly.FromDateTime(recordedAt.UtcDateTime).AddDays(-random.Next(4 * 365, 17 * 365));
                var child = new Child
                {
                    Id = Guid.CreateVersion7(recordedAt),
                    OrganisationId = organisation.OrganisationId,
                    Name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                    DateOfBirth = born,
                    Sex = random.Next(2) == 0 ? "Female" : "Male",
                    SendOrDisability = random.Next(3) == 0 ? "Autism; uses a communication book" : null,
                    KnownToSocialCare = random.Next(4) == 0 ? YesNoUnknown.Yes : YesNoUnknown.NotKnown,
                    ChildProtectionPlan = YesNoUnknown.NotKnown,
                    LookedAfter = random.Next(10) == 0 ? YesNoUnknown.Yes : YesNoUnknown.No,
                    CreatedById = recorder,
                    CreatedAt = recordedAt,
                };
                progress.Pending.Add(child);
                children.Add(child);
                involved.Add(child.Id);
                progress.Rows++;
            }

            Guid? decisionId = null;
            if (!open)
            {
                var decision = Guid.CreateVersion7(decidedAt);
                var rationale = cipher.SealText(Rationales[random.Next(Rationales.Length)], Decision.RationaleContext(decision));
                progress.Pending.Add(new Decision
                {
                    Id = decision,
                    OrganisationId = organisation.OrganisationId,
                    ConcernId = id,
                    Type = (DecisionType)random.Next(Enum.GetValues<DecisionType>().Length),
                    RationaleKeyId = rationale.KeyId,
                    RationaleSealed = rationale.Data,
                    DecidedById = handlers[random.Next(handlers.Length)],
                    DecidedAt = decidedAt,
                });
                decisionId = decision;
                progress.Rows++;
            }

            foreach (var childId in involved.Distinct())
            {
                progress.Pending.Add(new ConcernChild { OrganisationId = organisation.OrganisationId, ConcernId = id, ChildId = childId });
                progress.Pending.Add(new ChronologyEntry
                {
                    Id = Guid.CreateVersion7(recordedAt),
                    OrganisationId = organisation.OrganisationId,
                    ChildId = childId,
                    Kind = ChronologyKind.ConcernRecorded,
                    OccurredAt = occurredAt,
                    RecordedAt = recordedAt,
                    RecordedById = recorder,
                    ConcernId = id,
                });
                progress.Rows += 2;
                if (decisionId is { } d)
                {
                    progress.Pending.Add(new ChronologyEntry
                    {
                        Id = Guid.CreateVersion7(decidedAt),
                        OrganisationId = organisation.OrganisationId,
                        ChildId = childId,
                        Kind = ChronologyKind.Decision,
                        OccurredAt = decidedAt,
                        RecordedAt = decidedAt,
                        RecordedById = handlers[0],
                        ConcernId = id,
                        DecisionId = d,
                    });
                    progress.Rows++;
                }
            }

            progress.Concerns++;
            if (progress.Concerns % BatchConcerns == 0)
            {
                await SaveAsync(db, progress);
            }
        }

        // The reference counters, so the next concern the app records takes the next number.
        foreach (var (year, last) in numbers)
        {
            progress.Pending.Add(new ConcernReferenceCounter { OrganisationId = organisation.OrganisationId, Year = year, LastNumber = last });
            progress.Rows++;
        }
    }

    /// <summary>
    /// Writes the pending rows in one transaction, with the columns and value conversions taken from the
    /// app's model (EF Core's own inserts ran at a few thousand rows a second). SQLite: one prepared INSERT
    /// per table; PostgreSQL: binary COPY.
    /// </summary>
    private static async Task SaveAsync(LanternDbContext db, Progress progress)
    {
        // Parents before the rows that refer to them.
        Type[] order = [typeof(Child), typeof(Concern), typeof(Decision), typeof(ConcernChild), typeof(ChronologyEntry), typeof(ConcernReferenceCounter)];
        var groups = progress.Pending.GroupBy(r => r.GetType()).OrderBy(g => Array.IndexOf(order, g.Key)).ToList();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync();
        foreach (var rows in groups)
        {
            var type = db.Model.FindEntityType(rows.Key)!;
            if (db.Database.GetDbConnection() is SqliteConnection sqlite)
            {
                await InsertAsync(sqlite, (SqliteTransaction)transaction, type, rows);
            }
            else
            {
                await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), type, rows);
            }
        }

        await transaction.CommitAsync();

        progress.Pending.Clear();
        if (progress.Concerns / 50_000 != progress.Reported)
        {
            progress.Reported = progress.Concerns / 50_000;
            Console.WriteLine($"  {progress.Concerns:N0} concerns ({progress.Rows:N0} rows) in {progress.Clock.Elapsed.TotalSeconds:F0} s");
        }
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IEntityType type, IEnumerable<object> rows)
    {
        var properties = type.GetProperties().ToList();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = properties.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) })).ToList();
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToList();
        var getters = properties.Select(p => p.GetGetter()).ToList();
        await command.PrepareAsync();
        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var value = getters[i].GetClrValue(row);
                if (value is not null && converters[i] is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                // EF Core keeps Guids in SQLite as upper-case text.
                parameters[i].Value = value switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    _ => value,
                };
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>PostgreSQL: the rows by binary COPY, values converted as the app's model says.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IEntityType type, IEnumerable<object> rows)
    {
        var properties = type.GetProperties().ToList();
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToList();
        var getters = properties.Select(p => p.GetGetter()).ToList();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{type.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            for (var i = 0; i < properties.Count; i++)
            {
                var value = getters[i].GetClrValue(row);
                if (value is not null && converters[i] is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(value);
                }
            }
        }

        await writer.CompleteAsync();
    }

    /// <summary>How far the generator has got.</summary>
    private sealed class Progress(Stopwatch clock)
    {
        public Stopwatch Clock { get; } = clock;

        public int Concerns { get; set; }

        public long Rows { get; set; }

        public List<object> Pending { get; } = [];

        public int Reported { get; set; }
    }

    private sealed record Staff(Guid OrganisationId, Guid[] People, Guid[] Leads);
}
