using Lantern.Shared;

namespace Lantern.Tests.Shared;

/// <summary>UK local time across the clocks changing: 29 March 2026 (01:00 GMT becomes 02:00 BST) and 25 October 2026 (02:00 BST becomes 01:00 GMT).</summary>
public sealed class UkTimeTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3, 29, 0, 59, "29 March 2026 at 12:59am")]
    [InlineData(3, 29, 1, 0, "29 March 2026 at 2:00am")]
    [InlineData(10, 25, 0, 30, "25 October 2026 at 1:30am")]
    [InlineData(10, 25, 1, 30, "25 October 2026 at 1:30am")]
    [InlineData(10, 25, 2, 0, "25 October 2026 at 2:00am")]
    [InlineData(6, 30, 23, 30, "1 July 2026 at 12:30am")]
    [InlineData(6, 30, 11, 0, "30 June 2026 at midday")]
    [InlineData(6, 30, 23, 0, "1 July 2026 at midnight")]
    [InlineData(12, 31, 23, 59, "31 December 2026 at 11:59pm")]
    [InlineData(1, 15, 13, 5, "15 January 2026 at 1:05pm")]
    public void Times_are_shown_in_uk_local_time_either_side_of_the_clocks_changing(int month, int day, int hour, int minute, string shown) =>
        Assert.Equal(shown, UkTime.DateAndTime(Utc(month, day, hour, minute)));

    [Fact]
    public void The_precise_form_names_gmt_or_bst()
    {
        Assert.Equal("29 Mar 2026, 00:59:00 GMT", UkTime.Precise(Utc(3, 29, 0, 59)));
        Assert.Equal("29 Mar 2026, 02:00:00 BST", UkTime.Precise(Utc(3, 29, 1, 0)));
        Assert.Equal("25 Oct 2026, 01:30:00 GMT", UkTime.Precise(Utc(10, 25, 1, 30)));
    }

    [Fact]
    public void A_typed_uk_time_is_stored_as_the_right_utc_moment()
    {
        Assert.Equal(Utc(6, 15, 13, 0), UkTime.FromUk(new DateOnly(2026, 6, 15), new TimeOnly(14, 0)));
        Assert.Equal(Utc(1, 15, 14, 0), UkTime.FromUk(new DateOnly(2026, 1, 15), new TimeOnly(14, 0)));
        // 01:30 on 29 March never happens in the UK: taken as an hour later, 02:30 BST.
        Assert.Equal(Utc(3, 29, 1, 30), UkTime.FromUk(new DateOnly(2026, 3, 29), new TimeOnly(1, 30)));
        // 01:30 on 25 October happens twice: the first, in BST.
        Assert.Equal(Utc(10, 25, 0, 30), UkTime.FromUk(new DateOnly(2026, 10, 25), new TimeOnly(1, 30)));
        // A date with no time known is midnight UK time, and reads back as the same date.
        Assert.Equal("15 June 2026", UkTime.Date(UkTime.FromUk(new DateOnly(2026, 6, 15), TimeOnly.MinValue)));
    }

    [Fact]
    public void Today_is_the_uk_date_not_the_utc_one()
    {
        Assert.Equal(new DateOnly(2026, 7, 1), UkTime.Today(new FixedClock(Utc(6, 30, 23, 30))));
        Assert.Equal(new DateOnly(2026, 12, 31), UkTime.Today(new FixedClock(Utc(12, 31, 23, 30))));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
