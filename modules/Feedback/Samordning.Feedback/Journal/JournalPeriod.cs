using System.Globalization;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Journal;

// The journal dates asked for (fra, til: yyyy-MM-dd in Oslo), checked with the field named in the person's language.
internal sealed record JournalPeriod(DateOnly? From, DateOnly? To)
{
    public static JournalPeriod Parse(string? from, string? to, FieldErrors errors)
    {
        var start = Date(from, "fra", new LocalizedText("Fra dato", "From date"), errors);
        var end = Date(to, "til", new LocalizedText("Til dato", "To date"), errors);
        if (start is not null && end is not null && end < start)
        {
            errors.Add("til", new("Til dato kan ikke være før fra dato.", "To date cannot be before from date."));
        }

        return new(start, end);
    }

    private static DateOnly? Date(string? value, string field, LocalizedText label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || !DateRange.Contains(date))
        {
            errors.Add(field, new($"{label} må være en dato (åååå-mm-dd) fra år 2000 til 2100.", $"{label.En} must be a date (yyyy-mm-dd) from 2000 to 2100."));
            return null;
        }

        return date;
    }
}
