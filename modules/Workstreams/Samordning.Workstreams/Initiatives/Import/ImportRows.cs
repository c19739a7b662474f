using System.Globalization;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Text;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives.Import;

// One error of one row: the row number, the field, the column it came from (the file's own header) and the message,
// in the person's language.
internal sealed record ImportCellError(int Row, string Field, string Column, string Message);

// A row as it would be saved: the request the form would send (a new initiative's defaults, or the existing
// initiative's values where no column says otherwise), the initiative it updates, and what is wrong with it.
internal sealed record ImportedRow(ImportRow Source, string? Reference, InitiativeRequest Request, Initiative? Existing, IReadOnlyList<ImportCellError> Errors)
{
    public bool Updates => Existing is not null;
}

// Turns rows into initiatives' requests and holds each to the form's own rules (InitiativeRequest.ValidateFields),
// plus what only a file can get wrong: a value that is not a number, date, phase, status or ministry, and a
// reference given twice.
internal sealed class ImportRows
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "d.M.yy", "d/M/yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
    private static readonly char[] ListSeparators = [',', ';'];

    private readonly IReadOnlyList<string> headers;
    private readonly IReadOnlyDictionary<string, int?> mapping;
    private readonly MinistryInfo owner;
    private readonly Dictionary<string, MinistryInfo> ministries = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyDictionary<string, Initiative> existing;

    public ImportRows(IReadOnlyList<string> headers, IReadOnlyDictionary<string, int?> mapping, MinistryInfo owner, IEnumerable<MinistryInfo> ministries, IReadOnlyDictionary<string, Initiative> existing)
    {
        this.headers = headers;
        this.mapping = mapping;
        this.owner = owner;
        this.existing = existing;
        foreach (var ministry in ministries)
        {
            foreach (var name in new[] { ministry.Code, ministry.NameNb, ministry.NameEn, ministry.NameNn ?? ministry.NameNb })
            {
                this.ministries.TryAdd(name, ministry);
            }
        }
    }

    public static Dictionary<string, Phase> Phases { get; } = Words(Enum.GetValues<Phase>(), InitiativeTexts.PhaseText, []);

    public static Dictionary<string, Rag> Statuses { get; } = Words(Enum.GetValues<Rag>(), InitiativeTexts.StatusText, new()
    {
        [Rag.Green] = ["Grønn", "Grøn"],
        [Rag.Amber] = ["Gul", "Yellow"],
        [Rag.Red] = ["Rød", "Raud"],
    });

    public List<ImportedRow> Evaluate(IReadOnlyList<ImportRow> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var result = new List<ImportedRow>(rows.Count);
        foreach (var row in rows)
        {
            var errors = new List<ImportCellError>();
            var reference = Text(row, ImportColumns.Reference)?.Trim();
            reference = string.IsNullOrEmpty(reference) ? null : reference;
            if (reference is not null)
            {
                if (reference.Length > InitiativeImport.MaxReferenceLength)
                {
                    Error(errors, row, ImportColumns.Reference, new(
                        $"Referansen kan ha høyst {InitiativeImport.MaxReferenceLength} tegn.", $"The reference can have at most {InitiativeImport.MaxReferenceLength} characters."));
                }
                else if (seen.TryGetValue(reference, out var first))
                {
                    Error(errors, row, ImportColumns.Reference, new($"Referansen står også på rad {first}.", $"The reference is also on row {first}."));
                }
                else
                {
                    seen[reference] = row.Number;
                }
            }

            var match = reference is null ? null : existing.GetValueOrDefault(reference);
            var request = Apply(row, match is null ? New() : From(match), errors);
            foreach (var (field, messages) in request.ValidateFields().ToDictionary())
            {
                errors.AddRange(messages.Select(m => new ImportCellError(row.Number, field, Column(field), m)));
            }

            result.Add(new ImportedRow(row, reference, request, match, errors));
        }

        return result;
    }

    // The registry's view of the row's ministries, for saving: the owner, and its collaborators (one no longer
    // active is kept as it was stored).
    public InitiativeRequest.Resolved Resolve(ImportedRow row)
    {
        var stored = row.Existing?.CollaboratingMinistries.ToDictionary(m => m.MinistryId) ?? [];
        var collaborators = (row.Request.CollaboratingMinistryIds ?? []).Where(id => id != owner.Id).Distinct()
            .Select(id => ministries.Values.FirstOrDefault(m => m.Id == id) ?? new MinistryInfo(id, stored[id].MinistryCode, stored[id].MinistryCode, stored[id].MinistryCode))
            .ToList();
        var agencies = row.Existing?.Agencies.Select(a => new AgencyInfo(a.AgencyId, owner.Id, a.Name)).ToList() ?? [];

        // Only the contact's id and name are applied; the import does not change who it is.
        var contact = row.Existing?.ContactPersonId is { } contactId
            ? new PersonInfo(contactId, row.Existing.ContactPersonName ?? "", "", null, null, [], true, "nb")
            : null;
        return new InitiativeRequest.Resolved(owner, collaborators, agencies, contact);
    }

    private InitiativeRequest New() => new(null, null, owner.Id, [], [], [], Phase.Idea, 0, Rag.Green, null, null, null, null, [], [], null, null);

    private static InitiativeRequest From(Initiative i) => new(
        i.Title, i.Summary, i.OwningMinistryId, [.. i.Agencies.Select(a => a.AgencyId)], [.. i.CollaboratingMinistries.Select(m => m.MinistryId)],
        [.. i.Workstreams.Select(w => w.WorkstreamId)], i.Phase, i.Progress, i.Status, i.StatusReason, i.StartDate, i.EndDate, i.ContactPersonId,
        [.. i.Tags.Select(t => t.Tag)], [.. i.Links.Select(l => new LinkRequest(l.Url, l.Title))], i.ExpectedResults, i.AchievedResults);

    // Each mapped column replaces its field (a blank cell clears it); a value that cannot be read leaves the field
    // as it was and is an error of its own.
    private InitiativeRequest Apply(ImportRow row, InitiativeRequest request, List<ImportCellError> errors)
    {
        request = request with
        {
            Title = Mapped(nameof(InitiativeRequest.Title)) ? Text(row, nameof(InitiativeRequest.Title))?.Trim() : request.Title,
            Summary = Mapped(nameof(InitiativeRequest.Summary)) ? Text(row, nameof(InitiativeRequest.Summary)) : request.Summary,
            StatusReason = Mapped(nameof(InitiativeRequest.StatusReason)) ? Text(row, nameof(InitiativeRequest.StatusReason)) : request.StatusReason,
            ExpectedResults = Mapped(nameof(InitiativeRequest.ExpectedResults)) ? Text(row, nameof(InitiativeRequest.ExpectedResults)) : request.ExpectedResults,
            AchievedResults = Mapped(nameof(InitiativeRequest.AchievedResults)) ? Text(row, nameof(InitiativeRequest.AchievedResults)) : request.AchievedResults,
            Tags = Mapped(nameof(InitiativeRequest.Tags)) ? List(Text(row, nameof(InitiativeRequest.Tags))) : request.Tags,
        };

        if (Value(row, nameof(InitiativeRequest.Phase)) is { } phaseText)
        {
            if (Phases.TryGetValue(phaseText, out var phase))
            {
                request = request with { Phase = phase };
            }
            else
            {
                Error(errors, row, nameof(InitiativeRequest.Phase), new(
                    $"Ukjent fase «{phaseText}». Bruk Idé, Planlagt, Pågår, Skaleres, Fullført eller Stanset.",
                    $"Unknown phase “{phaseText}”. Use Idea, Planned, In progress, Scaling, Completed or Stopped."));
            }
        }

        if (Value(row, nameof(InitiativeRequest.Status)) is { } statusText)
        {
            if (Statuses.TryGetValue(statusText, out var status))
            {
                request = request with { Status = status };
            }
            else
            {
                Error(errors, row, nameof(InitiativeRequest.Status), new(
                    $"Ukjent status «{statusText}». Bruk Grønn, Gul eller Rød.", $"Unknown status “{statusText}”. Use Green, Amber or Red."));
            }
        }

        if (Mapped(nameof(InitiativeRequest.Progress)))
        {
            var progressText = Value(row, nameof(InitiativeRequest.Progress));
            if (progressText is null)
            {
                request = request with { Progress = 0 };
            }
            else if (WholeNumber(progressText) is { } progress)
            {
                request = request with { Progress = progress };
            }
            else
            {
                Error(errors, row, nameof(InitiativeRequest.Progress), new(
                    $"«{progressText}» er ikke et helt tall. Fremdrift skrives som et tall fra 0 til 100.", $"“{progressText}” is not a whole number. Progress is a number from 0 to 100."));
            }
        }

        request = request with
        {
            StartDate = Date(row, nameof(InitiativeRequest.StartDate), request.StartDate, errors),
            EndDate = Date(row, nameof(InitiativeRequest.EndDate), request.EndDate, errors),
        };

        if (Mapped(nameof(InitiativeRequest.CollaboratingMinistryIds)))
        {
            var ids = new List<Guid>();
            foreach (var name in List(Text(row, nameof(InitiativeRequest.CollaboratingMinistryIds))))
            {
                if (ministries.TryGetValue(name, out var ministry))
                {
                    ids.Add(ministry.Id);
                }
                else
                {
                    Error(errors, row, nameof(InitiativeRequest.CollaboratingMinistryIds), new($"Ukjent departement «{name}».", $"Unknown ministry “{name}”."));
                }
            }

            request = request with { CollaboratingMinistryIds = ids };
        }

        return request;
    }

    private DateOnly? Date(ImportRow row, string field, DateOnly? current, List<ImportCellError> errors)
    {
        if (!Mapped(field))
        {
            return current;
        }

        if (Value(row, field) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return DateOnly.FromDateTime(instant);
        }

        // Excel keeps a date as the number of days since 1899-12-30 (its serial number); a workbook's date cell reads so.
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2_958_466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        Error(errors, row, field, new($"«{text}» er ikke en dato. Skriv datoen som 31.12.2026 eller 2026-12-31.", $"“{text}” is not a date. Write the date as 31.12.2026 or 2026-12-31."));
        return current;
    }

    // "45", "45 %", "45.0" and "45,0" are 45; "45.5" is not a whole number.
    private static int? WholeNumber(string text)
    {
        var number = text.TrimEnd('%').Trim().Replace(',', '.');
        return decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : null;
    }

    private static List<string> List(string? text) =>
        [.. (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private bool Mapped(string field) => mapping.GetValueOrDefault(field) is not null;

    // The cell of the field's column, or null when no column is mapped.
    private string? Text(ImportRow row, string field) =>
        mapping.GetValueOrDefault(field) is { } column ? Blank(row.Cell(column)) : null;

    private string? Value(ImportRow row, string field) => Text(row, field)?.Trim();

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    // The file's own header of the field's column, or the field's name and "no column" when none is mapped.
    private string Column(string field)
    {
        if (mapping.GetValueOrDefault(field) is { } column && column < headers.Count && headers[column].Length > 0)
        {
            return headers[column];
        }

        var label = ImportColumns.Field(field)?.Label ?? new LocalizedText(field, field);
        return Localized.T($"{label} (ingen kolonne)", $"{label.En} (no column)");
    }

    private void Error(List<ImportCellError> errors, ImportRow row, string field, LocalizedText message) =>
        errors.Add(new ImportCellError(row.Number, field, Column(field), message));

    // Every way a value is written, compared without case: its name, its text in each language, and other words.
    private static Dictionary<string, T> Words<T>(IEnumerable<T> values, Func<T, LocalizedText> text, Dictionary<T, string[]> others) where T : struct, Enum
    {
        var words = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var label = text(value);
            foreach (var word in new[] { value.ToString(), label.Nb, label.En, Nynorsk.Of(label.Nb) }.Concat(others.GetValueOrDefault(value) ?? []))
            {
                words.TryAdd(word, value);
            }
        }

        return words;
    }
}
