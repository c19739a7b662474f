using Samordning.Shared.History;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Pages.Arbeidsstrommer;

namespace Samordning.Workstreams.History;

// The history of initiatives, reporting rounds and workstreams (issue 16, point 4). Everyone who may sign in reads
// them all (as the records' own pages), so the only refusal is the API's and pages' sign-in.
internal static class WorkstreamsHistory
{
    public const string Initiatives = "tiltak";
    public const string Rounds = "runder";

    // A workstream's page is /arbeidsstrommer/{id}, without a kind in its path.
    public const string Workstreams = "";

    private static readonly Dictionary<string, HistoryField> WorkstreamFields = new(StringComparer.Ordinal)
    {
        [nameof(Workstream.Chapter)] = new(new("Kapittel", "Chapter")),
        [nameof(Workstream.TitleNb)] = new(new("Tittel på bokmål", "Title in Bokmål")),
        [nameof(Workstream.TitleEn)] = new(new("Tittel på engelsk", "Title in English")),
        [nameof(Workstream.Description)] = new(new("Beskrivelse", "Description")),
        [nameof(Workstream.OwnerName)] = new(new("Eier", "Owner")),
        [nameof(Workstream.Status)] = HistoryField.Enum<WorkstreamStatus>(new("Status", "Status"), s => WorkstreamTexts.Status(s).ToString()),
        [nameof(Workstream.TargetDate)] = new(new("Måldato", "Target date")),
    };

    private static readonly Dictionary<string, HistoryField> InitiativeFields = new(StringComparer.Ordinal)
    {
        [nameof(Initiative.Title)] = new(new("Tittel", "Title")),
        [nameof(Initiative.Summary)] = new(new("Sammendrag", "Summary")),
        [nameof(Initiative.OwningMinistryCode)] = new(new("Departement", "Ministry")),
        [nameof(Initiative.Phase)] = HistoryField.Enum<Phase>(new("Fase", "Phase"), InitiativeTexts.PhaseName),
        [nameof(Initiative.Progress)] = new(new("Fremdrift (%)", "Progress (%)")),
        [nameof(Initiative.Status)] = HistoryField.Enum<Rag>(new("Status", "Status"), InitiativeTexts.StatusName),
        [nameof(Initiative.StatusReason)] = new(new("Begrunnelse for status", "Reason for status")),
        [nameof(Initiative.StartDate)] = new(new("Startdato", "Start date")),
        [nameof(Initiative.EndDate)] = new(new("Sluttdato", "End date")),
        [nameof(Initiative.ContactPersonName)] = new(new("Kontaktperson", "Contact person")),
        [nameof(Initiative.ExpectedResults)] = new(new("Forventede resultater", "Expected results")),
        [nameof(Initiative.AchievedResults)] = new(new("Oppnådde resultater", "Achieved results")),
    };

    private static readonly Dictionary<string, HistoryField> RoundFields = new(StringComparer.Ordinal)
    {
        [nameof(ReportingRound.Title)] = new(new("Tittel", "Title")),
        [nameof(ReportingRound.Description)] = new(new("Beskrivelse", "Description")),
        [nameof(ReportingRound.Deadline)] = new(new("Frist", "Deadline")),
        [nameof(ReportingRound.OpenedAt)] = new(new("Åpnet", "Opened")),
        [nameof(ReportingRound.OpenedBy)] = new(new("Åpnet av", "Opened by")),
        [nameof(ReportingRound.ClosedAt)] = new(new("Lukket", "Closed")),
    };

    public static async Task<Outcome<HistoryView>> HandleAsync(WorkstreamsDbContext db, string kind, Guid id, CancellationToken cancellationToken)
    {
        var (title, entity, fields) = kind switch
        {
            Initiatives => (await db.Initiatives.Where(i => i.Id == id).Select(i => i.Title).FirstOrDefaultAsync(cancellationToken), nameof(Initiative), InitiativeFields),
            Rounds => (await db.ReportingRounds.Where(r => r.Id == id).Select(r => r.Title).FirstOrDefaultAsync(cancellationToken), nameof(ReportingRound), RoundFields),
            Workstreams => (await db.Workstreams.Where(w => w.Id == id).Select(w => w.TitleNb).FirstOrDefaultAsync(cancellationToken), nameof(Workstream), WorkstreamFields),
            _ => ((string?)null, "", InitiativeFields),
        };
        return title is null
            ? Outcome.NotFound<HistoryView>()
            : Outcome.Ok(new HistoryView(title, kind == Workstreams ? $"/arbeidsstrommer/{id}" : $"/arbeidsstrommer/{kind}/{id}", await RecordHistory.ReadAsync(db, entity, id, fields, showPersonal: true, cancellationToken)));
    }
}

internal sealed class GetWorkstreamsHistory : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/workstreams/initiatives/{id:guid}/history", async (Guid id, WorkstreamsDbContext db, CancellationToken ct) =>
                (await WorkstreamsHistory.HandleAsync(db, WorkstreamsHistory.Initiatives, id, ct)).ToOk())
            .WithTags("History")
            .WithSummary("Who changed what in an initiative, and when, in the reader's language.");
        api.MapGet("/workstreams/rounds/{id:guid}/history", async (Guid id, WorkstreamsDbContext db, CancellationToken ct) =>
                (await WorkstreamsHistory.HandleAsync(db, WorkstreamsHistory.Rounds, id, ct)).ToOk())
            .WithTags("History")
            .WithSummary("Who changed what in a reporting round, and when, in the reader's language.");
        api.MapGet("/workstreams/{id:guid}/history", async (Guid id, WorkstreamsDbContext db, CancellationToken ct) =>
                (await WorkstreamsHistory.HandleAsync(db, WorkstreamsHistory.Workstreams, id, ct)).ToOk())
            .WithTags("History")
            .WithSummary("Who changed what in a workstream, and when, in the reader's language.");
    }
}
