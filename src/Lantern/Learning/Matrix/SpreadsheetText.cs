using System.Text;

namespace Lantern.Learning.Matrix;

/// <summary>
/// Text for exported cells. A cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return would be read by a spreadsheet as a formula (OWASP, "CSV injection"): it gets a
/// leading apostrophe, so it shows as the text it is. CSV fields are quoted as RFC 4180 says.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    public static void AppendCsvField(StringBuilder line, string? text)
    {
        ArgumentNullException.ThrowIfNull(line);
        var safe = Neutralise(text);
        if (safe.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(safe);
            return;
        }

        line.Append('"').Append(safe.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    public static string CsvLine(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            AppendCsvField(line, field);
            first = false;
        }

        return line.Append("\r\n").ToString();
    }
}
