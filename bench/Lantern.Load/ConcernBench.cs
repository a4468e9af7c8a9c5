using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AngleSharp.Dom;
using Lantern.Audit;
using Lantern.Concerns;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantern.Load;

/// <summary>
/// Durable concern submissions per second (issue 7, "Speed"). Signed-in staff record concerns through the
/// app's own pages at full concurrency: every step up to the check page (each step saves the draft), then,
/// timed on its own, the send that makes the concern durable (one transaction: the concern, its child, the
/// link, the chronology entry, the draft's removal, the audit entry and its records, the e-mails for the
/// safeguarding leads in the outbox). Then, in the same run and on the same database file with the app
/// stopped, the same rows written by raw SQL through Microsoft.Data.Sqlite, one transaction per concern,
/// with the same durability (WAL, synchronous=FULL).
/// </summary>
public static class ConcernBench
{
    private static readonly DateTimeOffsetToBinaryConverter Time = new();

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var clients = arguments.Number("clients", 16);
        var total = arguments.Number("concerns", 800);
        var rawCount = arguments.Number("raw", 2_000);
        var warmUp = arguments.Number("warm-up", 10);
        var perClient = Math.Max(1, total / clients);
        var dataFolder = Path.Combine(Path.GetTempPath(), "lantern-submit-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Lantern:DataFolder"] = dataFolder,
            ["Lantern:Demo"] = "true",
            ["Lantern:Database:Provider"] = "Sqlite",
            ["Lantern:Mail:SmtpHost"] = string.Empty,
            ["Lantern:RateLimits:SignInPerAddressPerMinute"] = "100000",
            ["Lantern:RateLimits:FormPostsPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using var app = new AppProcess(arguments.Required("app"), arguments.Required("content-root"), settings);
        Console.WriteLine($"Concern submissions: {clients} clients x {perClient} concerns through the app, then {rawCount} raw transactions; data in {dataFolder}");
        await app.StartAsync(CancellationToken.None);

        var visitors = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ConcernJourney.SignInAsync(app.BaseUrl, CancellationToken.None)));
        try
        {
            // Whole journeys first, untimed, so the app's code paths have been through the JIT's tiers and its pools are warm.
            await Task.WhenAll(visitors.Select(v => Task.Run(async () =>
            {
                for (var n = 0; n < warmUp; n++)
                {
                    await ConcernJourney.SubmitAsync(v, Guid.CreateVersion7(), CancellationToken.None);
                }
            })));

            var prepared = new ConcurrentDictionary<int, List<IDocument>>();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(visitors.Select((v, i) => Task.Run(async () =>
            {
                var pages = new List<IDocument>();
                for (var n = 0; n < perClient; n++)
                {
                    pages.Add(await ConcernJourney.PrepareAsync(v, Guid.CreateVersion7(), CancellationToken.None));
                }

                prepared[i] = pages;
            })));
            var steps = clock.Elapsed;

            var sent = 0;
            var latencies = new ConcurrentBag<double>();
            Console.WriteLine($"Sending now (app process {app.ProcessId}).");
            var appCpu = app.ProcessorTime;
            var clientCpu = Environment.CpuUsage.TotalTime;
            clock.Restart();
            await Task.WhenAll(visitors.Select((v, i) => Task.Run(async () =>
            {
                foreach (var page in prepared[i])
                {
                    var one = Stopwatch.StartNew();
                    if (await ConcernJourney.SendAsync(v, page, CancellationToken.None))
                    {
                        latencies.Add(one.Elapsed.TotalMilliseconds);
                        Interlocked.Increment(ref sent);
                    }
                }
            })));
            var sending = clock.Elapsed;
            appCpu = app.ProcessorTime - appCpu;
            clientCpu = Environment.CpuUsage.TotalTime - clientCpu;
            await app.KillAsync();

            var file = Path.Combine(dataFolder, "lantern.db");
            var rawCpu = Environment.CpuUsage.TotalTime;
            var raw = await RawInsertsAsync(file, rawCount);
            rawCpu = Environment.CpuUsage.TotalTime - rawCpu;
            var count = clients * perClient;
            var journeyRate = count / (steps + sending).TotalSeconds;
            var sendRate = sent / sending.TotalSeconds;
            var sorted = latencies.Order().ToList();
            Console.WriteLine($"""

                Through the app ({clients} clients, {count} concerns, Release, loopback):
                  steps before sending (danger, staff, child, what happened, attachments, check; each saves the draft): {steps.TotalSeconds:F1} s
                  complete journeys: {journeyRate:F1} concerns/s
                  sends (the durable submission, POST and the confirmation page): {sent} in {sending.TotalSeconds:F2} s = {sendRate:F1} concerns/s; mean {sorted.Average():F1} ms, p99 {Percentile(sorted, 0.99):F1} ms per send
                  processor time while sending, per send: the app {appCpu.TotalMilliseconds / Math.Max(1, sent):F2} ms, this client {clientCpu.TotalMilliseconds / Math.Max(1, sent):F2} ms ({Environment.ProcessorCount} cores)
                Raw SQLite (Microsoft.Data.Sqlite, one connection, one transaction per concern, WAL, synchronous=FULL, the same {raw.Statements} statements):
                  {raw.Count} in {raw.Elapsed.TotalSeconds:F2} s = {raw.Count / raw.Elapsed.TotalSeconds:F1} concerns/s; processor time {rawCpu.TotalMilliseconds / raw.Count:F2} ms per concern (setting up its drafts included)
                Ratio sends / raw: {sendRate / (raw.Count / raw.Elapsed.TotalSeconds):F2} (goal at least 0.5)
                Ratio complete journeys / raw: {journeyRate / (raw.Count / raw.Elapsed.TotalSeconds):F2}
                """);
            if (sent != count)
            {
                Console.WriteLine($"FAILED: {count - sent} sends were not acknowledged.");
                return 1;
            }
        }
        finally
        {
            foreach (var visitor in visitors)
            {
                visitor.Dispose();
            }
        }

        Directory.Delete(dataFolder, recursive: true);
        return 0;
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>What the app's send writes for one concern with one new child, as plain SQL, timed over <paramref name="count"/> transactions.</summary>
    private static async Task<(int Count, int Statements, TimeSpan Elapsed)> RawInsertsAsync(string file, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;");
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA journal_mode";
            var journal = (string)(await check.ExecuteScalarAsync())!;
            check.CommandText = "PRAGMA synchronous";
            var synchronous = Convert.ToInt32(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            if (journal != "wal" || synchronous != 2)
            {
                throw new InvalidOperationException($"Raw connection is journal_mode={journal}, synchronous={synchronous}; expected wal and 2 (FULL).");
            }
        }

        // A concern the app made is the template: its organisation, author, sealed sizes, and how many e-mails each send queued.
        var template = await QueryAsync(connection, """
            SELECT c."OrganisationId", c."RecordedById", c."WhatHappenedKeyId", length(c."WhatHappenedSealed"), length(c."ChildsWordsSealed"),
                   (SELECT COUNT(*) FROM "OutboxMessages") * 1.0 / (SELECT COUNT(*) FROM "Concerns")
            FROM "Concerns" c LIMIT 1
            """);
        var org = (string)template[0]!;
        var author = (string)template[1]!;
        var keyId = (string)template[2]!;
        var whatHappened = new byte[Convert.ToInt32(template[3], CultureInfo.InvariantCulture)];
        var childsWords = new byte[Convert.ToInt32(template[4], CultureInfo.InvariantCulture)];
        var mails = (int)Math.Round(Convert.ToDouble(template[5], CultureInfo.InvariantCulture));
        Random.Shared.NextBytes(whatHappened);
        Random.Shared.NextBytes(childsWords);

        // The drafts the sends remove, written beforehand like the steps would have.
        var drafts = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var setup = connection.BeginTransaction())
        {
            foreach (var draft in drafts)
            {
                await ExecuteAsync(connection, setup, """
                    INSERT INTO "ConcernDrafts" ("Id", "OrganisationId", "AuthorId", "CreatedAt", "UpdatedAt", "ExpiresAt", "ContentKeyId", "ContentSealed")
                    VALUES ($id, $org, $author, $now, $now, $now, $key, $content)
                    """, ("$id", G(draft)), ("$org", org), ("$author", author), ("$now", T(TimeProvider.System.GetUtcNow())), ("$key", keyId), ("$content", whatHappened));
            }

            await setup.CommitAsync();
        }

        var chain = org;
        var statements = 0;
        var clock = Stopwatch.StartNew();
        foreach (var draft in drafts)
        {
            var now = TimeProvider.System.GetUtcNow();
            var id = Guid.CreateVersion7();
            var child = Guid.CreateVersion7();
            statements = 0;
            await using var transaction = connection.BeginTransaction();
            var number = Convert.ToInt32((await QueryAsync(connection, """
                UPDATE "ConcernReferenceCounters" SET "LastNumber" = "LastNumber" + 1 WHERE "OrganisationId" = $org AND "Year" = $year RETURNING "LastNumber"
                """, transaction, ("$org", org), ("$year", now.Year)))[0], CultureInfo.InvariantCulture);
            statements++;
            statements += await ExecuteAsync(connection, transaction, """
                INSERT INTO "Children" ("Id", "OrganisationId", "Name", "DateOfBirth", "AgeYears", "AgeGivenOn", "Sex", "SendOrDisability", "CommunicationNeeds",
                    "KnownToSocialCare", "SocialWorkerName", "SocialWorkerContact", "ChildProtectionPlan", "LookedAfter", "ParentalResponsibility", "CreatedById", "CreatedAt")
                VALUES ($id, $org, $name, NULL, 11, $today, 'Not known', NULL, NULL, 'NotKnown', NULL, NULL, 'NotKnown', 'NotKnown', NULL, $author, $now)
                """, ("$id", G(child)), ("$org", org), ("$name", "Child " + child.ToString()[..8]), ("$today", now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$author", author), ("$now", T(now)));
            statements += await ExecuteAsync(connection, transaction, """
                INSERT INTO "Concerns" ("Id", "OrganisationId", "Reference", "IdempotencyKey", "Urgent", "AboutStaff", "SubjectPersonId", "Route", "RoutedToPersonId",
                    "Categories", "WhatHappenedKeyId", "WhatHappenedSealed", "ChildsWordsKeyId", "ChildsWordsSealed", "OccurredAt", "OccurredTimeKnown",
                    "Location", "WhoWasPresent", "RaisedBy", "Indicators", "RecordedById", "RecordedAt", "Status", "FirstOpenedAt", "FirstOpenedById", "EscalatedAt")
                VALUES ($id, $org, $reference, $key, 0, 0, NULL, 'SafeguardingLeads', NULL, 'Neglect', $keyId, $what, $keyId, $words, $now, 0,
                    'The front door of the club', NULL, NULL, NULL, $author, $now, 'Open', NULL, NULL, NULL)
                """, ("$id", G(id)), ("$org", org), ("$reference", ConcernRules.Reference(now.Year, number)), ("$key", G(draft)), ("$keyId", keyId),
                ("$what", whatHappened), ("$words", childsWords), ("$now", T(now)), ("$author", author));
            statements += await ExecuteAsync(connection, transaction, """
                INSERT INTO "ConcernChildren" ("OrganisationId", "ConcernId", "ChildId") VALUES ($org, $id, $child)
                """, ("$org", org), ("$id", G(id)), ("$child", G(child)));
            statements += await ExecuteAsync(connection, transaction, """
                INSERT INTO "ChronologyEntries" ("Id", "OrganisationId", "ChildId", "Kind", "OccurredAt", "RecordedAt", "RecordedById", "ConcernId", "DecisionId", "AddendumId", "ScreeningId")
                VALUES ($entry, $org, $child, 'ConcernRecorded', $now, $now, $author, $id, NULL, NULL, NULL)
                """, ("$entry", G(Guid.CreateVersion7())), ("$org", org), ("$child", G(child)), ("$now", T(now)), ("$author", author), ("$id", G(id)));
            statements += await ExecuteAsync(connection, transaction, """
                UPDATE "ConcernAttachments" SET "ConcernId" = $id, "DraftId" = NULL WHERE "OrganisationId" = $org AND "DraftId" = $draft
                """, ("$id", G(id)), ("$org", org), ("$draft", G(draft)));
            statements += await ExecuteAsync(connection, transaction, """
                DELETE FROM "ConcernDrafts" WHERE "OrganisationId" = $org AND "Id" = $draft
                """, ("$org", org), ("$draft", G(draft)));

            // The audit entry: lock the chain's head, read it, chain the entry to it, advance it.
            statements += await ExecuteAsync(connection, transaction, """
                UPDATE "AuditChainHeads" SET "Sequence" = "Sequence" WHERE "OrganisationId" = $chain
                """, ("$chain", chain));
            var head = await QueryAsync(connection, """SELECT "Sequence", "Hash" FROM "AuditChainHeads" WHERE "OrganisationId" = $chain""", transaction, ("$chain", chain));
            statements++;
            var entry = new AuditEntry
            {
                Id = Guid.CreateVersion7(),
                OrganisationId = Guid.Parse(chain),
                Sequence = Convert.ToInt64(head[0], CultureInfo.InvariantCulture) + 1,
                At = AuditCanonicalForm.Truncate(now),
                ActorId = Guid.Parse(author),
                Action = "concern.create",
                Records = $"concern:{id}\nchild:{child}",
                PreviousHash = (byte[])head[1]!,
            };
            entry.Hash = AuditCanonicalForm.Hash(entry.PreviousHash, entry);
            statements += await ExecuteAsync(connection, transaction, """
                INSERT INTO "AuditEntries" ("Id", "OrganisationId", "Sequence", "At", "ActorId", "Action", "Records", "Detail", "PreviousHash", "Hash")
                VALUES ($id, $chain, $sequence, $at, $actor, $action, $records, NULL, $previous, $hash)
                """, ("$id", G(entry.Id)), ("$chain", chain), ("$sequence", entry.Sequence), ("$at", T(entry.At)), ("$actor", author), ("$action", entry.Action),
                ("$records", entry.Records), ("$previous", entry.PreviousHash), ("$hash", entry.Hash));
            foreach (var record in entry.RecordList)
            {
                statements += await ExecuteAsync(connection, transaction, """
                    INSERT INTO "AuditEntryRecords" ("OrganisationId", "Record", "Sequence") VALUES ($chain, $record, $sequence)
                    """, ("$chain", chain), ("$record", record), ("$sequence", entry.Sequence));
            }

            statements += await ExecuteAsync(connection, transaction, """
                UPDATE "AuditChainHeads" SET "Sequence" = $sequence, "Hash" = $hash WHERE "OrganisationId" = $chain
                """, ("$sequence", entry.Sequence), ("$hash", entry.Hash), ("$chain", chain));
            for (var m = 0; m < mails; m++)
            {
                statements += await ExecuteAsync(connection, transaction, """
                    INSERT INTO "OutboxMessages" ("Id", "OrganisationId", "Key", "ToAddress", "ToName", "Subject", "Body", "CreatedAt", "NextAttemptAt", "Attempts", "SentAt", "LastError")
                    VALUES ($id, $org, NULL, $to, $name, 'A safeguarding concern is waiting', $body, $now, $now, 0, NULL, NULL)
                    """, ("$id", G(Guid.CreateVersion7())), ("$org", org), ("$to", $"lead{m}@riverside.example"), ("$name", $"Lead {m}"),
                    ("$body", "Hello,\n\nA safeguarding concern has been recorded and is waiting for you.\n\nOpen it in Lantern (you will be asked to sign in):\nhttp://127.0.0.1/concerns/" + id + "\n\nThis e-mail holds no details on purpose. Please do not forward it."),
                    ("$now", T(now)));
            }

            await transaction.CommitAsync();
        }

        return (count, statements, clock.Elapsed);
    }

    /// <summary>A Guid as EF Core stores it in SQLite: upper-case text.</summary>
    private static string G(Guid value) => value.ToString().ToUpperInvariant();

    /// <summary>A time as the app stores it in SQLite: the binary form of the DateTimeOffset.</summary>
    private static long T(DateTimeOffset value) => (long)Time.ConvertToProvider(value)!;

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
        return 1;
    }

    private static async Task<object?[]> QueryAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("No row for: " + sql);
        }

        var values = new object?[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
