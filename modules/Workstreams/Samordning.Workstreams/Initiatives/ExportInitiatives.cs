using System.Globalization;
using Samordning.Shared.Export;
using Samordning.Shared.Text;
using Samordning.Shared.Time;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

// The current filter as CSV or Excel, for people who work on in a spreadsheet.
internal sealed class ExportInitiatives : IEndpoint
{
    private const int MaxRows = 100_000;

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/workstreams/initiatives/export.csv", ([AsParameters] InitiativeFilter filter, WorkstreamsDbContext db, IClock clock, HttpContext http) =>
                Results.Stream(
                    stream => Csv.WriteAsync(stream, Headers(), RowsAsync(db, filter, clock.UtcNow, http.RequestAborted), http.RequestAborted),
                    "text/csv; charset=utf-8",
                    FileName("csv")))
            .WithTags("Initiatives")
            .WithSummary("The initiatives of the current filter as CSV (semicolon-separated, UTF-8, safe against formula injection).");

        api.MapGet("/workstreams/initiatives/export.xlsx", async ([AsParameters] InitiativeFilter filter, WorkstreamsDbContext db, IClock clock, CancellationToken ct) =>
            {
                var rows = new List<IReadOnlyList<object?>>();
                await foreach (var row in RowsAsync(db, filter, clock.UtcNow, ct))
                {
                    rows.Add([.. row.Select((value, index) => index == ProgressColumn && int.TryParse(value, CultureInfo.InvariantCulture, out var number) ? (object?)number : value)]);
                }

                var stream = new MemoryStream();
                Xlsx.Write(stream, Localized.T("Tiltak", "Initiatives"), Headers(), rows);
                stream.Position = 0;
                return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
            })
            .WithTags("Initiatives")
            .WithSummary("The initiatives of the current filter as an Excel workbook.");
    }

    private const int ProgressColumn = 4;

    private static string FileName(string extension) => $"tiltak-{DateTime.UtcNow:yyyy-MM-dd}.{extension}";

    private static string[] Headers() =>
    [
        Localized.T("Tittel", "Title"),
        Localized.T("Departement", "Ministry"),
        Localized.T("Samarbeidende departementer", "Collaborating ministries"),
        Localized.T("Fase", "Phase"),
        Localized.T("Fremdrift (%)", "Progress (%)"),
        Localized.T("Status", "Status"),
        Localized.T("Begrunnelse", "Reason"),
        Localized.T("Startdato", "Start date"),
        Localized.T("Sluttdato", "End date"),
        Localized.T("Kontaktperson", "Contact person"),
        Localized.T("Stikkord", "Tags"),
        Localized.T("Sammendrag", "Summary"),
        Localized.T("Sist endret", "Last changed"),
    ];

    private static async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(
        WorkstreamsDbContext db, InitiativeFilter filter, DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The text (q) as the list finds it: the initiatives the search index says may hold it, tested by Apply.
        var query = ListInitiatives.Apply(await InitiativeTextSearch.CandidatesAsync(db, filter.Q, cancellationToken), filter, now)
            .OrderBy(i => i.OwningMinistryCode).ThenBy(i => i.Title)
            .Take(MaxRows)
            .Select(i => new
            {
                i.Title,
                i.OwningMinistryCode,
                Collaborators = i.CollaboratingMinistries.Select(m => m.MinistryCode).ToList(),
                i.Phase,
                i.Progress,
                i.Status,
                i.StatusReason,
                i.StartDate,
                i.EndDate,
                i.ContactPersonName,
                Tags = i.Tags.Select(t => t.Tag).ToList(),
                i.Summary,
                i.UpdatedAt,
            });

        await foreach (var i in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return
            [
                i.Title,
                i.OwningMinistryCode,
                string.Join(", ", i.Collaborators.Order(StringComparer.Ordinal)),
                InitiativeTexts.PhaseName(i.Phase),
                i.Progress.ToString(CultureInfo.InvariantCulture),
                InitiativeTexts.StatusName(i.Status),
                i.StatusReason,
                i.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                i.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                i.ContactPersonName,
                string.Join(", ", i.Tags.Order(StringComparer.Ordinal)),
                i.Summary,
                Shared.Time.Oslo.ToOslo(i.UpdatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ];
        }
    }
}

// How phases and statuses read, in both languages; used by pages and exports alike.
internal static class InitiativeTexts
{
    public static LocalizedText PhaseText(Phase phase) => phase switch
    {
        Phase.Idea => new("Idé", "Idea"),
        Phase.Planned => new("Planlagt", "Planned"),
        Phase.InProgress => new("Pågår", "In progress"),
        Phase.Scaling => new("Skaleres", "Scaling"),
        Phase.Completed => new("Fullført", "Completed"),
        Phase.Stopped => new("Stanset", "Stopped"),
        _ => new(phase.ToString(), phase.ToString()),
    };

    public static LocalizedText StatusText(Rag status) => status switch
    {
        Rag.Green => new("Grønn – i rute", "Green – on track"),
        Rag.Amber => new("Gul – risiko", "Amber – at risk"),
        Rag.Red => new("Rød – krever tiltak", "Red – needs action"),
        _ => new(status.ToString(), status.ToString()),
    };

    public static string PhaseName(Phase phase) => PhaseText(phase);

    public static string StatusName(Rag status) => StatusText(status);
}
