using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using OtpNet;
using SpreadCheetah;

namespace Lantern.Load;

/// <summary>
/// Times the training matrix (issue 6, "Speed") through Kestrel, signed in as the large organisation's
/// training manager, beside the raw SQL that yields the same rows, in the same run and interleaved
/// (page, its query, page, its query …) so both see the same load. Targets: the first page, a page
/// filtered by location, the full CSV and the full XLSX export. A page's query is the people count,
/// the page's 50 people with their cells, and the compliance counts per course over everyone filtered;
/// an export's is every person's cells, plus writing the same cells to a file with the same writer
/// (a StreamWriter for CSV, SpreadCheetah for XLSX). Needs a database made by <c>generate</c> on SQLite.
/// </summary>
public static class MatrixBench
{
    private const string Cells = """
        WITH people AS (
            SELECT u.Id, u.DisplayName, u.DisabledAt,
                (SELECT group_concat(r.Name, '; ') FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE ur.UserId = u.Id) AS Roles,
                (SELECT group_concat(l.Name, '; ') FROM UserLocations ul JOIN Locations l ON l.Id = ul.LocationId WHERE ul.OrganisationId = $org AND ul.UserId = u.Id) AS Places
            FROM AspNetUsers u
            WHERE u.OrganisationId = $org AND u.DisabledAt IS NULL {0}
            ORDER BY u.DisplayName, u.Id {1}),
        matrix_courses AS (
            SELECT c.Id, v.Title FROM Courses c JOIN CourseVersions v ON v.Id = c.CurrentVersionId
            WHERE (c.OrganisationId = $org OR c.OrganisationId IS NULL)
              AND EXISTS (SELECT 1 FROM Assignments a WHERE a.OrganisationId = $org AND a.CourseId = c.Id)),
        cells AS (
            SELECT p.Id AS UserId, p.DisplayName, p.Roles, p.Places, c.Id AS CourseId,
                (SELECT x.CompletedOn FROM Completions x WHERE x.OrganisationId = $org AND x.UserId = p.Id AND x.CourseId = c.Id ORDER BY x.CompletedOn DESC, x.RecordedAt DESC LIMIT 1) AS CompletedOn,
                (SELECT x.ValidUntil FROM Completions x WHERE x.OrganisationId = $org AND x.UserId = p.Id AND x.CourseId = c.Id ORDER BY x.CompletedOn DESC, x.RecordedAt DESC LIMIT 1) AS ValidUntil,
                EXISTS (SELECT 1 FROM ChapterViews v WHERE v.OrganisationId = $org AND v.UserId = p.Id AND v.CourseId = c.Id) AS Started,
                (SELECT MIN(a.DueOn) FROM Assignments a WHERE a.OrganisationId = $org AND a.CourseId = c.Id AND (a.Target = 0
                    OR (a.Target = 1 AND a.PersonId = p.Id)
                    OR (a.Target = 2 AND a.Role IN (SELECT r.Name FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE ur.UserId = p.Id))
                    OR (a.Target = 3 AND a.LocationId IN (SELECT ul.LocationId FROM UserLocations ul WHERE ul.OrganisationId = $org AND ul.UserId = p.Id)))) AS DueOn
            FROM people p CROSS JOIN matrix_courses c)
        """;

    /// <summary>
    /// Every person's cells at once, as joins rather than a look-up per cell: the latest completion of
    /// each person and course by a window function, the earliest due date of the assignments that
    /// apply through everyone, the person, a role or a location.
    /// </summary>
    private const string AllCells = """
        WITH people AS (
            SELECT u.Id, u.DisplayName, u.DisabledAt,
                (SELECT group_concat(r.Name, '; ') FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE ur.UserId = u.Id) AS Roles,
                (SELECT group_concat(l.Name, '; ') FROM UserLocations ul JOIN Locations l ON l.Id = ul.LocationId WHERE ul.OrganisationId = $org AND ul.UserId = u.Id) AS Places
            FROM AspNetUsers u
            WHERE u.OrganisationId = $org AND u.DisabledAt IS NULL {0}),
        matrix_courses AS (
            SELECT c.Id, v.Title FROM Courses c JOIN CourseVersions v ON v.Id = c.CurrentVersionId
            WHERE (c.OrganisationId = $org OR c.OrganisationId IS NULL)
              AND EXISTS (SELECT 1 FROM Assignments a WHERE a.OrganisationId = $org AND a.CourseId = c.Id)),
        applies AS (
            SELECT p.Id AS UserId, a.CourseId, a.DueOn FROM people p JOIN Assignments a ON a.OrganisationId = $org AND a.Target = 0
            UNION ALL SELECT a.PersonId, a.CourseId, a.DueOn FROM Assignments a WHERE a.OrganisationId = $org AND a.Target = 1
            UNION ALL SELECT ur.UserId, a.CourseId, a.DueOn FROM Assignments a JOIN AspNetRoles r ON r.Name = a.Role JOIN AspNetUserRoles ur ON ur.RoleId = r.Id
                WHERE a.OrganisationId = $org AND a.Target = 2
            UNION ALL SELECT ul.UserId, a.CourseId, a.DueOn FROM Assignments a JOIN UserLocations ul ON ul.OrganisationId = $org AND ul.LocationId = a.LocationId
                WHERE a.OrganisationId = $org AND a.Target = 3),
        due AS (SELECT UserId, CourseId, MIN(DueOn) AS DueOn FROM applies GROUP BY UserId, CourseId),
        cells AS (
            SELECT p.Id AS UserId, p.DisplayName, p.Roles, p.Places, c.Id AS CourseId,
                (SELECT x.CompletedOn FROM Completions x WHERE x.OrganisationId = $org AND x.UserId = p.Id AND x.CourseId = c.Id ORDER BY x.CompletedOn DESC, x.RecordedAt DESC LIMIT 1) AS CompletedOn,
                (SELECT x.ValidUntil FROM Completions x WHERE x.OrganisationId = $org AND x.UserId = p.Id AND x.CourseId = c.Id ORDER BY x.CompletedOn DESC, x.RecordedAt DESC LIMIT 1) AS ValidUntil,
                EXISTS (SELECT 1 FROM ChapterViews v WHERE v.OrganisationId = $org AND v.UserId = p.Id AND v.CourseId = c.Id) AS Started,
                d.DueOn
            FROM people p CROSS JOIN matrix_courses c
            LEFT JOIN due d ON d.UserId = p.Id AND d.CourseId = c.Id)
        """;

    private static string CellsFor(string filter, string limit) =>
        (limit.Length == 0 ? AllCells : Cells).Replace("{0}", filter, StringComparison.Ordinal).Replace("{1}", limit, StringComparison.Ordinal);

    private const string Location = "AND EXISTS (SELECT 1 FROM UserLocations ul WHERE ul.OrganisationId = $org AND ul.UserId = u.Id AND ul.LocationId = $location)";

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var dataFolder = Path.GetFullPath(arguments.Required("data-folder"));
        var runs = arguments.Number("runs", 10);
        var exportRuns = arguments.Number("export-runs", 5);
        var database = Path.Combine(dataFolder, "lantern.db");
        await using var sql = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await sql.OpenAsync();
        var org = (string)(await Scalar(sql, "SELECT Id FROM Organisations ORDER BY Name LIMIT 1", null))!;
        var location = (string)(await Scalar(sql, "SELECT Id FROM Locations WHERE OrganisationId = $org ORDER BY Name LIMIT 1", org))!;

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Lantern:DataFolder"] = dataFolder,
            ["Lantern:Database:Provider"] = "Sqlite",
            ["Lantern:Mail:SmtpHost"] = string.Empty,
            ["Lantern:RateLimits:SignInPerAddressPerMinute"] = "100000",
            ["Lantern:RateLimits:FormPostsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using var app = new AppProcess(arguments.Required("app"), arguments.Required("content-root"), settings);
        await app.StartAsync(CancellationToken.None);
        try
        {
            return await MeasureAsync(arguments, app, sql, org, location, runs, exportRuns);
        }
        finally
        {
            await app.KillAsync();
        }
    }

    private static async Task<int> MeasureAsync(Arguments arguments, AppProcess app, SqliteConnection sql, string org, string location, int runs, int exportRuns)
    {
        using var manager = await SignInAsync(app.BaseUrl);
        var http = manager.Http;
        var today = GenerateTraining.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Console.WriteLine($"Matrix of {await Scalar(sql, "SELECT COUNT(*) FROM AspNetUsers WHERE OrganisationId = $org AND DisabledAt IS NULL", org)} people (of "
            + $"{await Scalar(sql, "SELECT COUNT(*) FROM AspNetUsers WHERE OrganisationId = $org", org)}), "
            + $"{await Scalar(sql, "SELECT COUNT(*) FROM Completions WHERE OrganisationId = $org", org)} completions; load average {LoadAverage()}");
        Console.WriteLine($"{"target",-28} {"median",10} {"min",10} {"bytes",12}   {"query",10} {"min",10}   ratio (medians)");

        // --targets pages,csv,xlsx (all by default); --warm-up false skips the untimed first pair.
        var targets = (arguments.Text("targets") ?? "pages,csv,xlsx").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var warmUp = arguments.Text("warm-up") != "false";
        var results = new List<string>();
        if (targets.Contains("pages"))
        {
            results.Add(await CompareAsync("first page", runs, warmUp, () => GetAsync(http, "/training"), () => PageQueryAsync(sql, org, null, today)));
            results.Add(await CompareAsync("page filtered by location", runs, warmUp, () => GetAsync(http, "/training?location=" + location.ToLowerInvariant()), () => PageQueryAsync(sql, org, location, today)));
        }

        if (targets.Contains("csv"))
        {
            results.Add(await CompareAsync("CSV export", exportRuns, warmUp, () => GetAsync(http, "/training/export/csv"), () => ExportQueryAsync(sql, org, today, xlsx: false)));
        }

        if (targets.Contains("xlsx"))
        {
            results.Add(await CompareAsync("XLSX export", exportRuns, warmUp, () => GetAsync(http, "/training/export/xlsx"), () => ExportQueryAsync(sql, org, today, xlsx: true)));
        }

        Console.WriteLine($"Load average at the end {LoadAverage()}");
        return results.All(r => r.Length > 0) ? 0 : 1;
    }

    private static async Task<string> CompareAsync(string name, int runs, bool warmUp, Func<Task<long>> page, Func<Task<long>> query)
    {
        if (warmUp)
        {
            await page();
            await query();
        }

        var pageTimes = new List<double>();
        var queryTimes = new List<double>();
        long bytes = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            bytes = await page();
            pageTimes.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await query();
            queryTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {Median(pageTimes),8:F1}ms {pageTimes.Min(),8:F1}ms {bytes,12:N0}   {Median(queryTimes),8:F1}ms {queryTimes.Min(),8:F1}ms   {Median(pageTimes) / Median(queryTimes):F2}");
        Console.WriteLine(line);
        return line;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<long> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{path} answered {(int)response.StatusCode}.");
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>What the page shows: how many people, the first 50 with their cells, and the compliance per course.</summary>
    private static async Task<long> PageQueryAsync(SqliteConnection sql, string org, string? location, string today)
    {
        var filter = location is null ? string.Empty : Location;
        long values = 0;
        await using (var count = Command(sql, $"SELECT COUNT(*) FROM AspNetUsers u WHERE u.OrganisationId = $org AND u.DisabledAt IS NULL {filter}", org, location, today))
        {
            values += (long)(await count.ExecuteScalarAsync())!;
        }

        await using (var page = Command(sql, CellsFor(filter, "LIMIT 50") + " SELECT * FROM cells", org, location, today))
        {
            values += await ReadAllAsync(page);
        }

        await using (var compliance = Command(sql, CellsFor(filter, string.Empty) + """
             SELECT CourseId, SUM(DueOn IS NOT NULL) AS Required,
                SUM(DueOn IS NOT NULL AND CompletedOn IS NOT NULL AND (ValidUntil IS NULL OR ValidUntil > $today)) AS Compliant
             FROM cells GROUP BY CourseId
             """, org, location, today))
        {
            values += await ReadAllAsync(compliance);
        }

        return values;
    }

    /// <summary>Every person's cells, written to a file as the export writes them: one row per person, one column per course.</summary>
    private static async Task<long> ExportQueryAsync(SqliteConnection sql, string org, string today, bool xlsx)
    {
        await using var command = Command(sql, CellsFor(string.Empty, string.Empty) + """
             SELECT UserId, DisplayName, Roles, Places, CompletedOn, ValidUntil, DueOn,
                CASE WHEN CompletedOn IS NULL AND DueOn < $today THEN 'Overdue'
                     WHEN CompletedOn IS NOT NULL AND ValidUntil <= $today THEN 'Expired'
                     WHEN CompletedOn IS NOT NULL AND ValidUntil <= date($today, '+60 days') THEN 'Due soon'
                     WHEN CompletedOn IS NULL AND Started THEN 'In progress'
                     WHEN CompletedOn IS NULL THEN 'Not started'
                     ELSE 'Complete' END AS Status,
                DueOn IS NULL AND CompletedOn IS NULL AND NOT Started AS Empty
             FROM cells ORDER BY DisplayName, UserId, CourseId
             """, org, null, today);
        var path = Path.Combine(Path.GetTempPath(), "lantern-matrix-baseline." + (xlsx ? "xlsx" : "csv"));
        await using var file = File.Create(path);
        await using var reader = await command.ExecuteReaderAsync();
        var row = new List<string>();
        string? person = null;
        var rows = 0L;
        await using var csv = xlsx ? null : new StreamWriter(file, new UTF8Encoding(true), 64 * 1024, leaveOpen: true);
        await using var sheet = xlsx ? await Spreadsheet.CreateNewAsync(file) : null;
        if (sheet is not null)
        {
            await sheet.StartWorksheetAsync("Training matrix");
        }

        async Task FlushRowAsync()
        {
            if (row.Count == 0)
            {
                return;
            }

            if (csv is not null)
            {
                await csv.WriteAsync(Lantern.Learning.Matrix.SpreadsheetText.CsvLine(row));
            }
            else
            {
                await sheet!.AddRowAsync(row.Select(t => new Cell(Lantern.Learning.Matrix.SpreadsheetText.Neutralise(t))).ToArray());
            }

            rows++;
            row.Clear();
        }

        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            if (id != person)
            {
                await FlushRowAsync();
                person = id;
                row.Add(reader.GetString(1));
                row.Add("Yes");
                row.Add(reader.IsDBNull(3) ? string.Empty : reader.GetString(3));
                row.Add(reader.IsDBNull(2) ? string.Empty : reader.GetString(2));
            }

            if (reader.GetBoolean(8))
            {
                row.Add(string.Empty);
                continue;
            }

            var text = new StringBuilder(reader.GetString(7));
            if (!reader.IsDBNull(4))
            {
                text.Append(", completed ").Append(reader.GetString(4));
            }

            if (!reader.IsDBNull(5))
            {
                text.Append(", valid until ").Append(reader.GetString(5));
            }
            else if (reader.IsDBNull(4) && !reader.IsDBNull(6))
            {
                text.Append(", due ").Append(reader.GetString(6));
            }

            row.Add(text.ToString());
        }

        await FlushRowAsync();
        if (sheet is not null)
        {
            await sheet.FinishAsync();
        }

        return rows;
    }

    private static async Task<long> ReadAllAsync(SqliteCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        long values = 0;
        var row = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            values += reader.GetValues(row);
        }

        return values;
    }

    private static SqliteCommand Command(SqliteConnection sql, string text, string org, string? location, string? today)
    {
        var command = sql.CreateCommand();
#pragma warning disable CA2100 // The text is this file's own SQL; the values are parameters.
        command.CommandText = text;
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$org", org);
        command.Parameters.AddWithValue("$location", (object?)location ?? DBNull.Value);
        command.Parameters.AddWithValue("$today", (object?)today ?? DBNull.Value);
        return command;
    }

    private static async Task<object?> Scalar(SqliteConnection sql, string text, string? org)
    {
        await using var command = Command(sql, text, org ?? string.Empty, null, null);
        return await command.ExecuteScalarAsync();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The large organisation's training manager, signed in with the password and the authenticator code.</summary>
    private static async Task<Visitor> SignInAsync(Uri baseUrl)
    {
        var visitor = new Visitor(baseUrl);
        visitor.Http.Timeout = TimeSpan.FromMinutes(5);
        var page = await visitor.GetAsync("/sign-in", CancellationToken.None);
        var (_, next) = await visitor.SubmitAsync(page, "main form", [new("Input.Email", GenerateTraining.TrainingManagerEmail), new("Input.Password", Generate.Password)], CancellationToken.None);
        if (new Uri(next.Url).AbsolutePath.StartsWith("/sign-in/code", StringComparison.Ordinal))
        {
            var code = new Totp(Base32Encoding.ToBytes(GenerateTraining.AuthenticatorKey)).ComputeTotp();
            (_, next) = await visitor.SubmitAsync(next, "main form", [new("Input.Code", code)], CancellationToken.None);
        }

        if (new Uri(next.Url).AbsolutePath.StartsWith("/sign-in", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The training manager could not sign in: " + next.QuerySelector("main")?.TextContent.Trim());
        }

        return visitor;
    }
}
