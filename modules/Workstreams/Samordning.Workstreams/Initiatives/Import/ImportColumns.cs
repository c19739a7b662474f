using System.Globalization;
using System.Text;
using Samordning.Shared.Text;

namespace Samordning.Workstreams.Initiatives.Import;

// A field of an initiative that a column can fill. Name is the request's property name, so the form's field
// errors name it too; the header words are what a column is recognised by (the template's headers in every
// language, the export's, and common other words).
internal sealed record ImportField(string Name, LocalizedText Label, LocalizedText Hint, params string[] OtherHeaders)
{
    public IEnumerable<string> Headers()
    {
        yield return Name;
        yield return Label.Nb;
        yield return Label.En;
        yield return Nynorsk.Of(Label.Nb);
        foreach (var header in OtherHeaders)
        {
            yield return header;
        }
    }
}

// The columns an import understands, the template that names them, and the first guess at which column is which.
internal static class ImportColumns
{
    public const string Reference = "Reference";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new(Reference, new("Referanse", "Reference"), new("Departementets egen referanse; samme referanse oppdaterer tiltaket ved ny import.", "The ministry's own reference; the same reference updates the initiative on a new import."), "Ref", "Saksnummer", "Id"),
        new(nameof(InitiativeRequest.Title), new("Tittel", "Title"), new("Må fylles ut.", "Required."), "Navn", "Tiltak", "Name", "Initiative"),
        new(nameof(InitiativeRequest.Summary), new("Sammendrag", "Summary"), new("Fritekst.", "Free text."), "Beskrivelse", "Description"),
        new(nameof(InitiativeRequest.Phase), new("Fase", "Phase"), new("Idé, Planlagt, Pågår, Skaleres, Fullført eller Stanset.", "Idea, Planned, In progress, Scaling, Completed or Stopped.")),
        new(nameof(InitiativeRequest.Progress), new("Fremdrift (%)", "Progress (%)"), new("Heltall fra 0 til 100.", "A whole number from 0 to 100."), "Fremdrift", "Progress"),
        new(nameof(InitiativeRequest.Status), new("Status", "Status"), new("Grønn, Gul eller Rød.", "Green, Amber or Red.")),
        new(nameof(InitiativeRequest.StatusReason), new("Begrunnelse for status", "Reason for the status"), new("Må fylles ut når status er Rød.", "Required when the status is Red."), "Begrunnelse", "Reason"),
        new(nameof(InitiativeRequest.StartDate), new("Startdato", "Start date"), new("Dato, for eksempel 31.12.2026.", "A date, for example 31.12.2026.")),
        new(nameof(InitiativeRequest.EndDate), new("Sluttdato", "End date"), new("Dato, for eksempel 31.12.2026.", "A date, for example 31.12.2026.")),
        new(nameof(InitiativeRequest.CollaboratingMinistryIds), new("Samarbeidende departementer", "Collaborating ministries"), new("Departementskoder skilt med komma, for eksempel FIN, KD.", "Ministry codes separated by commas, for example FIN, KD.")),
        new(nameof(InitiativeRequest.Tags), new("Stikkord", "Tags"), new("Skilt med komma.", "Separated by commas.")),
        new(nameof(InitiativeRequest.ExpectedResults), new("Forventede resultater", "Expected results"), new("Fritekst.", "Free text.")),
        new(nameof(InitiativeRequest.AchievedResults), new("Oppnådde resultater", "Achieved results"), new("Fritekst.", "Free text.")),
    ];

    public static ImportField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    // The template's header row, in the person's language.
    public static string[] TemplateHeaders() => [.. Fields.Select(f => (string)f.Label)];

    // Each field to the first column whose header names it, compared without case, spaces or punctuation.
    public static Dictionary<string, int?> Guess(IReadOnlyList<string> headers)
    {
        var keys = headers.Select(Key).ToList();
        var mapping = new Dictionary<string, int?>(StringComparer.Ordinal);
        var used = new HashSet<int>();
        foreach (var field in Fields)
        {
            var names = field.Headers().Select(Key).ToHashSet(StringComparer.Ordinal);
            var index = Enumerable.Range(0, keys.Count).Where(i => keys[i].Length > 0 && names.Contains(keys[i]) && !used.Contains(i)).Select(i => (int?)i).FirstOrDefault();
            if (index is { } found)
            {
                used.Add(found);
            }

            mapping[field.Name] = index;
        }

        return mapping;
    }

    // Only known fields, and only columns the file has.
    public static Dictionary<string, int?> Clean(IReadOnlyDictionary<string, int?>? mapping, int columns) =>
        Fields.ToDictionary(
            f => f.Name,
            f => mapping is not null && mapping.TryGetValue(f.Name, out var column) && column is >= 0 && column < columns ? column : null,
            StringComparer.Ordinal);

    public static string Key(string header)
    {
        var key = new StringBuilder(header.Length);
        foreach (var c in header.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return key.ToString();
    }
}
