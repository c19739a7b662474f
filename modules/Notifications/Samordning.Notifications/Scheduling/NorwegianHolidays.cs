namespace Samordning.Notifications.Scheduling;

// Norwegian public holidays (helligdager and the two statutory days, 1 and 17 May). The movable ones hang off
// Easter Sunday, computed with the anonymous Gregorian (Meeus/Jones/Butcher) algorithm.
internal static class NorwegianHolidays
{
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public static IReadOnlyList<DateOnly> Of(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new DateOnly(year, 1, 1),
            easter.AddDays(-3), // Maundy Thursday (skjærtorsdag)
            easter.AddDays(-2), // Good Friday (langfredag)
            easter,
            easter.AddDays(1),  // Easter Monday
            new DateOnly(year, 5, 1),
            new DateOnly(year, 5, 17),
            easter.AddDays(39), // Ascension Day (Kristi himmelfartsdag)
            easter.AddDays(49), // Whit Sunday (pinsedag)
            easter.AddDays(50), // Whit Monday
            new DateOnly(year, 12, 25),
            new DateOnly(year, 12, 26),
        ];
    }

    public static bool IsHoliday(DateOnly date) => Of(date.Year).Contains(date);

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    // The date that lies this many working days before (negative: after) the given date; the date itself is
    // never counted, so "1 working day before" a Tuesday is the Monday unless that is a holiday.
    public static DateOnly WorkingDaysBefore(DateOnly date, int workingDays)
    {
        var step = workingDays >= 0 ? -1 : 1;
        var remaining = Math.Abs(workingDays);
        var current = date;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }
}
