namespace Samordning.Shared.Time;

/// <summary>
/// The dates and times the app accepts from anyone: Oslo dates from 1 January 2000 to 31 December 2100. The
/// limits are far from the calendar's own (year 1 and 9999), so no arithmetic on an accepted value (a deadline
/// plus a retention period, an opening time minus a reminder offset) can leave the range .NET can represent.
/// </summary>
public static class DateRange
{
    /// <summary>The first accepted date.</summary>
    public static DateOnly First { get; } = new(2000, 1, 1);

    /// <summary>The last accepted date.</summary>
    public static DateOnly Last { get; } = new(2100, 12, 31);

    /// <summary>True when the date lies in the range.</summary>
    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>True when the instant's Oslo date lies in the range.</summary>
    public static bool Contains(DateTimeOffset instant) => Contains(Oslo.DateOf(instant));

    /// <summary>
    /// An instant plus a span, held at the calendar's ends instead of overflowing: values stored before the range
    /// was enforced, or far-off bounds, must never take a page down. A day's margin covers any UTC offset.
    /// </summary>
    public static DateTimeOffset AddClamped(DateTimeOffset instant, TimeSpan span)
    {
        var ticks = (decimal)instant.UtcTicks + span.Ticks;
        return ticks > DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay ? DateTimeOffset.MaxValue
            : ticks < DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerDay ? DateTimeOffset.MinValue
            : instant.Add(span);
    }

    /// <summary>An instant plus whole months, held at the calendar's ends instead of overflowing.</summary>
    public static DateTimeOffset AddMonthsClamped(DateTimeOffset instant, int months)
    {
        var year = instant.Year + (long)Math.Floor((instant.Month - 1 + (double)months) / 12);
        return year > 9998 ? DateTimeOffset.MaxValue
            : year < 2 ? DateTimeOffset.MinValue
            : instant.AddMonths(months);
    }

    /// <summary>
    /// The instant of an Oslo wall-clock time (what a date or datetime-local field holds), with the offset in force
    /// then. A time outside the range becomes the calendar's end on its side, which validation then refuses,
    /// instead of an offset pushing it past what .NET can represent.
    /// </summary>
    public static DateTimeOffset FromOsloLocal(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        if (!Contains(date))
        {
            return date < First ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Oslo.TimeZone.GetUtcOffset(unspecified));
    }
}
