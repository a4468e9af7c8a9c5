using Lantern.Learning.Matrix;

namespace Lantern.Tests.Learning;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 1632 960 100", "'+44 1632 960 100")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=cmd", "'\t=cmd")]
    [InlineData("\r=cmd", "'\r=cmd")]
    [InlineData("Alex Morgan", "Alex Morgan")]
    [InlineData("O'Neill = fine", "O'Neill = fine")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_cell_a_spreadsheet_would_read_as_a_formula_is_neutralised(string? text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Neutralise(text));

    [Fact]
    public void Csv_fields_with_commas_quotes_or_line_breaks_are_quoted_and_neutralised()
    {
        Assert.Equal("a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",'=HYPERLINK(1)\r\n", SpreadsheetText.CsvLine(["a", "b,c", "say \"hi\"", "line\nbreak", "=HYPERLINK(1)"]));
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n", SpreadsheetText.CsvLine(["=HYPERLINK(\"x\",\"y\")"]));
    }
}
