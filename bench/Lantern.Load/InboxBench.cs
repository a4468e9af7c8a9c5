using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using AngleSharp.Dom;
using Microsoft.Data.Sqlite;
using Npgsql;
using OtpNet;

namespace Lantern.Load;

/// <summary>
/// The safeguarding lead's inbox on a generated database (issue 7, "Speed"): a DSL of the largest
/// organisation signs in (password, then a freshly enrolled authenticator, as a person would) and asks
/// for the first page of <c>/concerns</c> and a later one through Kestrel, one request at a time; in the
/// same run, alternating with the pages, the raw SQL that yields the same rows (the count, the page of
/// concerns, their children) runs on its own connection to the same database (SQLite or PostgreSQL).
/// Mean and p99 of each.
/// </summary>
public static class InboxBench
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var dataFolder = Path.GetFullPath(arguments.Required("data-folder"));
        var requests = arguments.Number("requests", 300);
        var laterPage = arguments.Number("page", 100);
        var email = arguments.Text("email") ?? "person2@org1.example";
        var postgres = (arguments.Text("provider") ?? "Sqlite").Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        var connection = arguments.Text("connection") ?? string.Empty;

        await using DbConnection raw = postgres ? new NpgsqlConnection(connection) : new SqliteConnection($"Data Source={Path.Combine(dataFolder, "lantern.db")}");
        await raw.OpenAsync();
        if (!postgres)
        {
            await ExecuteAsync(raw, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;");
        }

        var person = await ReadAsync(raw, """SELECT "Id", "OrganisationId" FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""", ("@email", email.ToUpperInvariant()));
        var me = person[0][0]!;
        var org = person[0][1]!;
        // A fresh authenticator each run: the bench enrols one as the person would, and so knows its key.
        await ExecuteAsync(raw, """UPDATE "AspNetUsers" SET "TwoFactorEnabled" = @no WHERE "Id" = @me; DELETE FROM "AspNetUserTokens" WHERE "UserId" = @me""", ("@me", me), ("@no", false));

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Lantern:DataFolder"] = dataFolder,
            ["Lantern:Database:Provider"] = postgres ? "Postgres" : "Sqlite",
            ["Lantern:Database:ConnectionString"] = connection,
            ["Lantern:Mail:SmtpHost"] = string.Empty,
            ["Lantern:RateLimits:SignInPerAddressPerMinute"] = "100000",
            ["Lantern:RateLimits:FormPostsPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using var app = new AppProcess(arguments.Required("app"), arguments.Required("content-root"), settings);
        await app.StartAsync(CancellationToken.None);
        using var visitor = await SignInWithNewAuthenticatorAsync(app.BaseUrl, email);

        var total = Convert.ToInt32((await ReadAsync(raw, RawCount, ("@org", org), ("@me", me)))[0][0], CultureInfo.InvariantCulture);
        var pages = Math.Max(1, (total + 49) / 50);
        laterPage = Math.Min(laterPage, pages);
        var concerns = Convert.ToInt64((await ReadAsync(raw, """SELECT COUNT(*) FROM "Concerns" """))[0][0], CultureInfo.InvariantCulture);
        var organisations = Convert.ToInt64((await ReadAsync(raw, """SELECT COUNT(*) FROM "Organisations" """))[0][0], CultureInfo.InvariantCulture);
        Console.WriteLine($"Inbox of {email}: {total:N0} open concerns ({pages:N0} pages of 50) among {concerns:N0} concerns in {organisations:N0} organisations; pages 1 and {laterPage}, {requests} requests each");

        // The page and the query must show the same concerns.
        foreach (var page in new[] { 1, laterPage })
        {
            var document = await visitor.GetAsync(PagePath(page), CancellationToken.None);
            var shown = document.QuerySelectorAll("main tbody a[href^='/concerns/']").Select(a => a.TextContent.Trim()).ToList();
            var queried = (await RawPageAsync(raw, org, me, page)).Select(r => (string)r[1]!).ToList();
            if (!shown.SequenceEqual(queried))
            {
                Console.WriteLine($"FAILED: page {page} shows {shown.Count} concerns ({string.Join(", ", shown.Take(3))}…), the query {queried.Count} ({string.Join(", ", queried.Take(3))}…).");
                return 1;
            }
        }

        var timings = new Dictionary<string, List<double>>();
        for (var i = -20; i < requests; i++)
        {
            foreach (var page in new[] { 1, laterPage })
            {
                var clock = Stopwatch.StartNew();
                await visitor.FetchAsync(PagePath(page), CancellationToken.None);
                var pageTime = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                await RawPageAsync(raw, org, me, page);
                var queryTime = clock.Elapsed.TotalMilliseconds;
                if (i >= 0)
                {
                    Add(timings, $"page {page}", pageTime);
                    Add(timings, $"query {page}", queryTime);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| what | mean | p99 |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var page in new[] { 1, laterPage })
        {
            foreach (var what in new[] { "page", "query" })
            {
                var sorted = timings[$"{what} {page}"].Order().ToList();
                Console.WriteLine($"| {(what == "page" ? "inbox page through Kestrel" : "raw SQL, same rows")}, page {page} | {sorted.Average():F2} ms | {ConcernBench.Percentile(sorted, 0.99):F2} ms |");
            }
        }

        foreach (var page in new[] { 1, laterPage })
        {
            var pageTimes = timings[$"page {page}"];
            var queryTimes = timings[$"query {page}"];
            Console.WriteLine($"page {page}: page / query = {pageTimes.Average() / queryTimes.Average():F2} (mean), {ConcernBench.Percentile(pageTimes.Order().ToList(), 0.99) / ConcernBench.Percentile(queryTimes.Order().ToList(), 0.99):F2} (p99); goal within 3");
        }

        await app.KillAsync();
        return 0;
    }

    private static string PagePath(int page) => page == 1 ? "/concerns" : "/concerns?page=" + page.ToString(CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, List<double>> timings, string key, double value)
    {
        if (!timings.TryGetValue(key, out var list))
        {
            timings[key] = list = [];
        }

        list.Add(value);
    }

    /// <summary>The password, then an authenticator set up from the key the page shows (no second factor is on record).</summary>
    private static async Task<Visitor> SignInWithNewAuthenticatorAsync(Uri baseUrl, string email)
    {
        var visitor = new Visitor(baseUrl);
        var page = await visitor.GetAsync("/sign-in", CancellationToken.None);
        var (_, next) = await visitor.SubmitAsync(page, "main form", [new("Input.Email", email), new("Input.Password", Generate.Password)], CancellationToken.None);
        if (!new Uri(next.Url).AbsolutePath.StartsWith("/account/two-step", StringComparison.Ordinal))
        {
            next = await visitor.GetAsync("/account/two-step", CancellationToken.None);
        }

        var key = next.QuerySelector("#authenticator-key")?.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()
            ?? throw new InvalidOperationException($"No authenticator key on {next.Url}: {next.Title}");
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var (_, done) = await visitor.SubmitAsync(next, "main form", [new("Input.Code", code)], CancellationToken.None);
        if (done.QuerySelector("main")?.TextContent.Contains("recovery codes", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new InvalidOperationException($"Setting up the authenticator failed: {done.QuerySelector(".govuk-error-summary")?.TextContent.Trim() ?? done.Title}");
        }

        return visitor;
    }

    /// <summary>The concerns the DSL handles (not about them; routed to the leads, or to them as allegations lead), open.</summary>
    private const string Handled = """
        c."OrganisationId" = @org AND (c."SubjectPersonId" IS NULL OR c."SubjectPersonId" <> @me)
        AND (c."Route" = 'SafeguardingLeads' OR (c."Route" = 'AllegationsLead' AND c."RoutedToPersonId" = @me))
        AND c."Status" = 'Open'
        """;

    private const string RawCount = $"""SELECT COUNT(*) FROM "Concerns" AS c WHERE {Handled}""";

    /// <summary>The same rows as the page: how many, the page of concerns, their children's names.</summary>
    private static async Task<List<object?[]>> RawPageAsync(DbConnection connection, object org, object me, int page)
    {
        await ReadAsync(connection, RawCount, ("@org", org), ("@me", me));
        var rows = await ReadAsync(connection, $"""
            SELECT c."Id", c."Reference", c."Urgent", c."AboutStaff", c."RecordedAt", c."FirstOpenedAt", c."EscalatedAt", c."Categories"
            FROM "Concerns" AS c WHERE {Handled}
            ORDER BY c."Urgent" DESC, c."RecordedAt", c."Id"
            LIMIT 50 OFFSET @skip
            """, ("@org", org), ("@me", me), ("@skip", (page - 1) * 50));
        var ids = string.Join(", ", rows.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture)));
        var parameters = rows.Select((r, i) => ("@c" + i.ToString(CultureInfo.InvariantCulture), r[0]!)).Append(("@org", org)).ToArray();
        if (rows.Count > 0)
        {
            await ReadAsync(connection, $"""
                SELECT cc."ConcernId", ch."Id", ch."Name"
                FROM "ConcernChildren" AS cc JOIN "Children" AS ch ON cc."OrganisationId" = ch."OrganisationId" AND cc."ChildId" = ch."Id"
                WHERE cc."OrganisationId" = @org AND cc."ConcernId" IN ({ids})
                """, parameters);
        }

        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<object?[]>> ReadAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }
}
