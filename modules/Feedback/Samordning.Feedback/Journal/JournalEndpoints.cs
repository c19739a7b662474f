using Microsoft.Extensions.Options;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Journal;

// The journal for the KMD team: journal what is waiting now (the job does it every quarter hour), read the entries,
// and export them as a Noark 5 arkivmelding for the archive system (or, screened, for publication).
internal sealed class JournalEndpoints : IEndpoint
{
    public const int MaxExportEntries = 20_000;
    private const int PageSize = 100;

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var journal = api.MapGroup("/feedback/journal").RequireAuthorization(Policies.Coordinator).WithTags("Journal");

        journal.MapPost("/run", async (Journaling journaling, CancellationToken ct) =>
                TypedResults.Ok(new JournalRun(await journaling.JournalPendingAsync(ct))))
            .WithSummary("Journals every document not yet journalled (input, minutes of closed meetings, presentations) and says how many.");

        journal.MapGet("/entries", async Task<Results<Ok<JournalPage>, ValidationProblem>> (string? fra, string? til, int? side, JournalQuery query, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                var period = JournalPeriod.Parse(fra, til, errors);
                if (side is < 1)
                {
                    errors.Add("side", new("Siden må være 1 eller mer.", "The page must be 1 or more."));
                }

                if (errors.Any)
                {
                    return Problems.Validation(errors);
                }

                var page = side ?? 1;
                var (lines, total) = await query.PageAsync(period.From, period.To, (page - 1) * PageSize, PageSize, ct);
                return TypedResults.Ok(new JournalPage(total, page, PageSize, [.. lines.Select(JournalEntryView.From)]));
            })
            .WithSummary("The journal, newest first, 100 entries a page, with every name and exemption (fra/til: yyyy-MM-dd).");

        journal.MapGet("/arkivmelding.xml", async Task<Results<FileStreamHttpResult, ValidationProblem>> (
                string? fra, string? til, bool? offentlig, JournalQuery query, IOptions<JournalSettings> settings, IClock clock, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                var period = JournalPeriod.Parse(fra, til, errors);
                if (errors.Any)
                {
                    return Problems.Validation(errors);
                }

                var (lines, total) = await query.PageAsync(period.From, period.To, 0, MaxExportEntries, ct);
                if (total > MaxExportEntries)
                {
                    return Problems.Validation(new FieldErrors().Add("fra", new(
                        $"Perioden har {total} journalposter; en eksport tar høyst {MaxExportEntries}. Velg en kortere periode.",
                        $"The period holds {total} journal entries; an export takes at most {MaxExportEntries}. Choose a shorter period.")));
                }

                var stream = new MemoryStream();
                ArkivmeldingWriter.Write(stream, lines, settings.Value.AdministrativeUnit, offentlig == true, clock.UtcNow);
                stream.Position = 0;
                return TypedResults.File(stream, "application/xml", $"arkivmelding-{Oslo.DateOf(clock.UtcNow):yyyy-MM-dd}.xml");
            })
            .WithSummary("The journal entries as a Noark 5 arkivmelding (XML); offentlig=true screens every name the public may not see.");
    }
}

internal sealed record JournalRun(int Journalled);

internal sealed record JournalPage(int Total, int Page, int PageSize, IReadOnlyList<JournalEntryView> Entries);

internal sealed record JournalEntryView(
    string JournalNumber, string CaseNumber, string DocumentReference, string CaseTitle, DateTimeOffset JournalledAt, string Kind, string Direction,
    string Title, DateTimeOffset? DocumentDate, string? Party, string? PublicParty, string? AccessCode, string? ExemptionBasis)
{
    public static JournalEntryView From(JournalLine line) => new(
        line.JournalNumber, line.Case.Number, line.DocumentReference, line.Case.Title, line.JournalledAt, line.Kind, line.Direction.ToString(),
        line.Title, line.DocumentDate, line.Party, line.PublicParty, line.AccessCode, line.ExemptionBasis);
}

// Who keeps the journal, named in each case as its administrative unit.
internal sealed class JournalSettings
{
    public const string Section = "Modules:Feedback:Journal";

    public string AdministrativeUnit { get; set; } = "Kommunal- og moderniseringsdepartementet";
}
