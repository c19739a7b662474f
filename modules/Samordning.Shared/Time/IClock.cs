namespace Samordning.Shared.Time;

/// <summary>The current time, as a port so tests control it.</summary>
public interface IClock
{
    /// <summary>Now, in UTC.</summary>
    DateTimeOffset UtcNow { get; }
}

/// <summary>The system clock.</summary>
public sealed class SystemClock : IClock
{
    /// <inheritdoc />
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}

/// <summary>Europe/Oslo, the time zone every date and time is shown and reasoned in.</summary>
public static class Oslo
{
    /// <summary>The Europe/Oslo zone (IANA id; .NET maps it on Windows too).</summary>
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>The instant as Oslo local time, with the offset in force then (+01:00 or +02:00).</summary>
    public static DateTimeOffset ToOslo(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The date in Oslo at the instant (after midnight in Oslo it is already the next day, whatever UTC says).</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToOslo(instant).DateTime);
}
