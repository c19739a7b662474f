using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Export;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Exports;

// The register as the person may see it, for the writers' spreadsheets. No names or e-mail addresses: a
// spreadsheet travels, and the organisation is what the writers need.
internal sealed class ExportRegister : IEndpoint
{
    private const int MaxRows = 100_000;

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/feedback/items/export.csv", ([AsParameters] ItemFilter filter, FeedbackDbContext db, HttpContext http) =>
                Results.Stream(
                    stream => Csv.WriteAsync(stream, Headers(), RowsAsync(db, http.User, filter, http.RequestAborted), http.RequestAborted),
                    "text/csv; charset=utf-8",
                    FileName("csv")))
            .WithTags("Feedback register")
            .WithSummary("The register (current filter) as CSV: semicolon-separated, UTF-8, safe against formula injection.");

        api.MapGet("/feedback/items/export.xlsx", async ([AsParameters] ItemFilter filter, FeedbackDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var rows = new List<IReadOnlyList<object?>>();
                await foreach (var row in RowsAsync(db, user, filter, ct))
                {
                    rows.Add([.. row]);
                }

                var stream = new MemoryStream();
                Xlsx.Write(stream, Localized.T("Innspill", "Input"), Headers(), rows);
                stream.Position = 0;
                return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
            })
            .WithTags("Feedback register")
            .WithSummary("The register (current filter) as an Excel workbook.");
    }

    private static string FileName(string extension) => $"innspill-{DateTime.UtcNow:yyyy-MM-dd}.{extension}";

    private static string[] Headers() =>
    [
        Localized.T("Referanse", "Reference"),
        Localized.T("Mottatt", "Received"),
        Localized.T("Kanal", "Channel"),
        Localized.T("Kilde", "Source"),
        Localized.T("Avsendertype", "Contributor type"),
        Localized.T("Organisasjon", "Organisation"),
        Localized.T("Organisasjonsnummer", "Organisation number"),
        Localized.T("Runde", "Round"),
        Localized.T("Status", "Status"),
        Localized.T("Saksbehandler", "Handler"),
        Localized.T("Vurdering", "Assessment"),
        Localized.T("Stikkord", "Tags"),
        Localized.T("Publisert", "Published"),
        Localized.T("Unntatt offentlighet (hjemmel)", "Exempt (legal basis)"),
        Localized.T("Innspill", "Input"),
    ];

    private static async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(
        FeedbackDbContext db, ClaimsPrincipal user, ItemFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rounds = await db.Rounds.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        var query = ListItems.Matching(db, user, filter)
            .OrderBy(i => i.ReceivedAt)
            .Take(MaxRows)
            .Select(i => new
            {
                i.Reference, i.ReceivedAt, i.Channel, i.Source, i.ContributorType, i.OrganisationName, i.OrganisationNumber, i.RoundId,
                i.Status, i.HandlerName, i.Assessment, Tags = i.Tags.Select(t => t.Tag).ToList(), i.Published, i.Exempt, i.ExemptionBasis,
                i.Text, Answers = i.Answers.OrderBy(a => a.QuestionId).Select(a => a.Question + ": " + a.Text).ToList(),
            })
            .AsAsyncEnumerable();
        var yes = Localized.T("Ja", "Yes");
        var no = Localized.T("Nei", "No");
        await foreach (var i in query.WithCancellation(cancellationToken))
        {
            yield return
            [
                i.Reference,
                Oslo.ToOslo(i.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                RoundTexts.ChannelText(i.Channel),
                i.Source,
                RoundTexts.ContributorTypeText(i.ContributorType),
                i.OrganisationName,
                i.OrganisationNumber,
                i.RoundId is { } round && rounds.TryGetValue(round, out var title) ? title : null,
                RoundTexts.StatusText(i.Status),
                i.HandlerName,
                i.Assessment,
                string.Join(", ", i.Tags),
                i.Published ? yes : no,
                i.Exempt ? i.ExemptionBasis : null,
                string.Join("\n\n", i.Answers.Append(i.Text ?? "").Where(t => t.Length > 0)),
            ];
        }
    }
}
