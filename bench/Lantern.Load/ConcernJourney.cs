using System.Data.Common;
using System.Globalization;
using AngleSharp.Dom;

namespace Lantern.Load;

/// <summary>
/// Records a concern through the app's own pages, step by step, as a staff member without script
/// would. The key is the draft's id, which is also the submission's idempotency key: recording the
/// same key again continues the same draft, or lands on the confirmation of the concern it made.
/// </summary>
public static class ConcernJourney
{
    /// <summary>The demo learner: any staff member may record a concern, and a learner needs no second factor.</summary>
    public const string Email = "learner@riverside.example";

    public const string Password = "riverside-demo-2026";

    public static async Task<Visitor> SignInAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        var visitor = new Visitor(baseUrl);
        try
        {
            var page = await visitor.GetAsync("/sign-in", cancellationToken);
            var (_, home) = await visitor.SubmitAsync(page, "main form", [new("Input.Email", Email), new("Input.Password", Password)], cancellationToken);
            if (new Uri(home.Url).AbsolutePath.StartsWith("/sign-in", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Signing in was refused: " + home.QuerySelector(".govuk-error-summary")?.TextContent.Trim());
            }

            return visitor;
        }
        catch
        {
            visitor.Dispose();
            throw;
        }
    }

    /// <summary>Goes through every step and sends; true when the confirmation with a reference number is shown.</summary>
    public static async Task<bool> SubmitAsync(Visitor visitor, Guid key, CancellationToken cancellationToken) =>
        Recorded(await WalkAsync(visitor, key, stopAtCheck: false, cancellationToken));

    /// <summary>Goes through every step up to the check page, whose send button has not been pressed yet; returns that page.</summary>
    public static Task<IDocument> PrepareAsync(Visitor visitor, Guid key, CancellationToken cancellationToken) =>
        WalkAsync(visitor, key, stopAtCheck: true, cancellationToken);

    /// <summary>
    /// Presses send on a check page; true when the confirmation with a reference number is shown. The
    /// confirmation is read as text, not parsed, so the timing is the app's and not this client's parser.
    /// </summary>
    public static async Task<bool> SendAsync(Visitor visitor, IDocument check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var (status, address, html) = await visitor.SubmitUnparsedAsync(check, "main form[action*='handler=Submit']", [], cancellationToken);
        return status == System.Net.HttpStatusCode.OK && address.AbsolutePath.EndsWith("/recorded", StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.IsMatch(html, @"C-\d{4}-\d{6}");
    }

    private static bool Recorded(IDocument page) =>
        new Uri(page.Url).AbsolutePath.EndsWith("/recorded", StringComparison.Ordinal)
        && page.QuerySelector("main")?.TextContent.Contains("C-", StringComparison.Ordinal) == true;

    private static async Task<IDocument> WalkAsync(Visitor visitor, Guid key, bool stopAtCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var page = await visitor.GetAsync($"/concerns/new/{key}/danger", cancellationToken);
        for (var steps = 0; steps < 12; steps++)
        {
            var path = new Uri(page.Url).AbsolutePath;
            if (path.EndsWith("/recorded", StringComparison.Ordinal) || (stopAtCheck && path.EndsWith("/check", StringComparison.Ordinal)))
            {
                return page;
            }

            page = path.Split('/').Last() switch
            {
                "danger" => await SendAsync(visitor, page, [new("Input.ImmediateDanger", "no")], cancellationToken),
                "staff" => await SendAsync(visitor, page, [new("Input.AboutStaff", "no")], cancellationToken),
                "children" when page.QuerySelector("main form[action$='handler=RemoveChild']") is null =>
                    await visitor.GetAsync($"/concerns/new/{key}/new-child", cancellationToken),
                "children" => await SendAsync(visitor, page, [], cancellationToken, "main form[method=post]:not([action*='handler'])"),
                "new-child" => await SendAsync(visitor, page, NewChild(key), cancellationToken),
                "what-happened" => await SendAsync(visitor, page, WhatHappened(key), cancellationToken),
                "attachments" => await visitor.GetAsync($"/concerns/new/{key}/check", cancellationToken),
                "check" => await SendAsync(visitor, page, [], cancellationToken, "main form[action*='handler=Submit']"),
                var other => throw new InvalidOperationException($"Unexpected page {path} while recording: {Problem(page)}"),
            };
        }

        throw new InvalidOperationException($"Recording did not finish; last page {page.Url}: {Problem(page)}");
    }

    /// <summary>How many concerns each idempotency key made, read straight from the database.</summary>
    public static async Task<Dictionary<Guid, int>> CountByKeyAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "IdempotencyKey", COUNT(*) FROM "Concerns" GROUP BY "IdempotencyKey" """;
            await using var reader = await command.ExecuteReaderAsync();
            var counts = new Dictionary<Guid, int>();
            while (await reader.ReadAsync())
            {
                counts[Guid.Parse(reader.GetValue(0).ToString()!, CultureInfo.InvariantCulture)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }

            return counts;
        }
    }

    private static async Task<IDocument> SendAsync(
        Visitor visitor, IDocument page, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken, string form = "main form[method=post]")
    {
        var (status, next) = await visitor.SubmitAsync(page, form, fields, cancellationToken);
        if ((int)status >= 500)
        {
            throw new HttpRequestException($"{page.Url} answered {(int)status}: {Problem(next)}");
        }

        if (next.Url == page.Url && next.QuerySelector(".govuk-error-summary") is not null)
        {
            throw new InvalidOperationException($"{page.Url} refused the answers: {Problem(next)}");
        }

        return next;
    }

    private static List<KeyValuePair<string, string>> NewChild(Guid key) =>
    [
        new("NewChild.Name", $"Child {key.ToString()[..8]}"),
        new("NewChild.Age", "11"),
        new("NewChild.Sex", "Not known"),
        new("NewChild.KnownToSocialCare", "not-known"),
        new("NewChild.ChildProtectionPlan", "not-known"),
        new("NewChild.LookedAfter", "not-known"),
    ];

    private static List<KeyValuePair<string, string>> WhatHappened(Guid key)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        return
        [
            new("Input.Categories", "Neglect"),
            new("Input.WhatHappened", $"Load test concern {key}: the child arrived without a coat in the rain and said they had not eaten since yesterday."),
            new("Input.ChildsWords", "There was nothing in the cupboard."),
            new("Input.OccurredDay", today.Day.ToString(CultureInfo.InvariantCulture)),
            new("Input.OccurredMonth", today.Month.ToString(CultureInfo.InvariantCulture)),
            new("Input.OccurredYear", today.Year.ToString(CultureInfo.InvariantCulture)),
            new("Input.Where", "The front door of the club"),
        ];
    }

    private static string Problem(IDocument page) =>
        page.QuerySelector(".govuk-error-summary")?.TextContent.Trim() ?? page.Title ?? "(no title)";
}
