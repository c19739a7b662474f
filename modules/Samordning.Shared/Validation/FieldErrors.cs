using System.Net.Mail;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Shared.Validation;

/// <summary>
/// Collects field errors in the user's language. The API turns them into a ValidationProblem that lists every
/// field; pages put them beside the fields. Field names are the request's property names.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    /// <summary>True when at least one field has an error.</summary>
    public bool Any => errors.Count > 0;

    /// <summary>Adds an error to a field.</summary>
    public FieldErrors Add(string field, LocalizedText message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Requires a non-blank value of at most <paramref name="maxLength"/> characters.</summary>
    public FieldErrors Required(string field, string? value, LocalizedText label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, new($"{label} må fylles ut.", $"{label.En} is required."));
        }

        return MaxLength(field, value, label, maxLength);
    }

    /// <summary>Allows a blank value, or one of at most <paramref name="maxLength"/> characters.</summary>
    public FieldErrors MaxLength(string field, string? value, LocalizedText label, int maxLength) =>
        value is not null && value.Length > maxLength
            ? Add(field, new($"{label} kan ha høyst {maxLength} tegn.", $"{label.En} can have at most {maxLength} characters."))
            : this;

    /// <summary>Requires a well-formed e-mail address (blank allowed unless <paramref name="required"/>).</summary>
    public FieldErrors Email(string field, string? value, LocalizedText label, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, new($"{label} må fylles ut.", $"{label.En} is required.")) : this;
        }

        if (value.Length > 254 || !IsEmail(value))
        {
            return Add(field, new($"{label} er ikke en gyldig e-postadresse.", $"{label.En} is not a valid e-mail address."));
        }

        return this;
    }

    /// <summary>Allows a blank value, or a valid Norwegian organisation number.</summary>
    public FieldErrors OrganisationNumber(string field, string? value, LocalizedText label) =>
        !string.IsNullOrWhiteSpace(value) && !Text.OrganisationNumber.IsValid(value)
            ? Add(field, new(
                $"{label} må være ni siffer med gyldig kontrollsiffer.",
                $"{label.En} must be nine digits with a valid check digit."))
            : this;

    /// <summary>Allows a blank date, or one in <see cref="DateRange"/> (2000-01-01 to 2100-12-31).</summary>
    public FieldErrors InDateRange(string field, DateOnly? value, LocalizedText label) =>
        value is { } date && !DateRange.Contains(date) ? Add(field, OutOfRange(label)) : this;

    /// <summary>Allows a blank time, or one whose Oslo date is in <see cref="DateRange"/>.</summary>
    public FieldErrors InDateRange(string field, DateTimeOffset? value, LocalizedText label) =>
        value is { } instant && !DateRange.Contains(instant) ? Add(field, OutOfRange(label)) : this;

    /// <summary>True when the field already has an error (so a rule that builds on its value can be skipped).</summary>
    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>The errors per field, in the form ProblemDetails and ModelState take.</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    private static LocalizedText OutOfRange(LocalizedText label) => new(
        $"{label} må være mellom 1. januar 2000 og 31. desember 2100 (norsk tid).",
        $"{label.En} must be between 1 January 2000 and 31 December 2100 (Norwegian time).");

    private static bool IsEmail(string value)
    {
        // MailAddress accepts display names and comments; only a bare address that round-trips counts.
        return MailAddress.TryCreate(value, out var address)
            && string.Equals(address.Address, value, StringComparison.OrdinalIgnoreCase)
            && address.Host.Contains('.', StringComparison.Ordinal);
    }
}
