using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Export;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Dialogue;

internal sealed record ReportInformation(Guid Id, string Text, string? DocumentReference, DateTimeOffset GivenAt, DateTimeOffset? PublishedAt);

// One supplier's line: when it registered, which slots were offered to it and from when (a slot is offered to a
// supplier from its registration or the slot's offering, whichever is later, if the slot had not begun), what it
// booked and held, what it was told, and whether each piece of information was published to all.
internal sealed record ReportRow(
    Guid SupplierId, string OrganisationName, string OrganisationNumber, DateTimeOffset RegisteredAt, int SlotsOffered, DateTimeOffset? FirstOfferedAt,
    IReadOnlyList<DateTimeOffset> Booked, int Held, IReadOnlyList<ReportInformation> Information)
{
    public int Unpublished => Information.Count(i => i.PublishedAt is null);
}

internal sealed record DialogueReport(DialogueView Dialogue, int Slots, IReadOnlyList<ReportRow> Suppliers);

// The equal-treatment report (coordinators): per supplier, what was offered and what was given, as a page and CSV.
internal sealed class EqualTreatmentReport : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/meetings/dialogues/{id:guid}").WithTags("Supplier dialogue").WithMetadata(new RequestSizeLimitAttribute(DialogueRules.MaxBodyBytes));

        group.MapGet("/report", async (Guid id, MeetingServices deps, CancellationToken ct) =>
                (await BuildAsync(deps, id, ct)).ToOk())
            .WithSummary("The equal-treatment report: per supplier what was offered, booked, held and told, and whether it was published to all (coordinators).");

        group.MapGet("/report.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, MeetingServices deps, CancellationToken ct) =>
            {
                var report = await BuildAsync(deps, id, ct);
                return report.Kind switch
                {
                    OutcomeKind.Ok => TypedResults.File(
                        ToCsv(report.Value!), "text/csv; charset=utf-8", $"likebehandling-{Oslo.DateOf(deps.Clock.UtcNow):yyyy-MM-dd}.csv"),
                    OutcomeKind.Forbidden => Problems.Forbidden(),
                    _ => Problems.NotFound(),
                };
            })
            .WithSummary("The equal-treatment report as CSV: semicolon-separated, UTF-8, safe against formula injection (coordinators).");
    }

    public static async Task<Outcome<DialogueReport>> BuildAsync(MeetingServices deps, Guid id, CancellationToken cancellationToken)
    {
        if (!DialogueRules.CanManage(deps.User.Principal))
        {
            return Outcome.Forbidden<DialogueReport>();
        }

        var dialogue = await deps.Db.SupplierDialogues.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dialogue is null)
        {
            return Outcome.NotFound<DialogueReport>();
        }

        var suppliers = await deps.Db.DialogueSuppliers.AsNoTracking().Where(s => s.DialogueId == id).ToListAsync(cancellationToken);
        var slots = await deps.Db.DialogueSlots.AsNoTracking().Where(s => s.DialogueId == id).ToListAsync(cancellationToken);
        var information = (await deps.Db.DialogueInformation.AsNoTracking().Where(i => i.DialogueId == id).ToListAsync(cancellationToken)).ToLookup(i => i.SupplierId);
        var published = (await deps.Db.DialogueQuestions.AsNoTracking().Where(q => q.DialogueId == id && q.SourceInformationId != null).ToListAsync(cancellationToken))
            .ToDictionary(q => q.Id, q => q.PublishedAt);

        var rows = suppliers.OrderBy(s => s.RegisteredAt).Select(s =>
        {
            var offers = slots.Select(slot => Max(slot.OfferedAt, s.RegisteredAt) is var from && from < slot.StartsAt ? from : (DateTimeOffset?)null)
                .Where(from => from is not null).Select(from => from!.Value).ToList();
            var own = slots.Where(slot => slot.SupplierId == s.Id).OrderBy(slot => slot.StartsAt).ToList();
            return new ReportRow(
                s.Id, s.OrganisationName, s.OrganisationNumber, s.RegisteredAt, offers.Count, offers.Count == 0 ? null : offers.Min(),
                [.. own.Select(slot => slot.StartsAt)], own.Count(slot => slot.Held),
                [.. information[s.Id].OrderBy(i => i.GivenAt).Select(i => new ReportInformation(
                    i.Id, i.Text, i.DocumentReference, i.GivenAt, i.PublishedQuestionId is { } q ? published.GetValueOrDefault(q) : null))]);
        }).ToList();
        return Outcome.Ok(new DialogueReport(DialogueView.From(dialogue), slots.Count, rows));
    }

    public static byte[] ToCsv(DialogueReport report)
    {
        using var stream = new MemoryStream();
        Csv.WriteAsync(stream, Headers(), Rows(report).ToAsyncEnumerable(), CancellationToken.None).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    private static IReadOnlyList<string> Headers() =>
    [
        Localized.T("Organisasjon", "Organisation"),
        Localized.T("Organisasjonsnummer", "Organisation number"),
        Localized.T("Påmeldt", "Registered"),
        Localized.T("Tider tilbudt", "Slots offered"),
        Localized.T("Først tilbudt", "First offered"),
        Localized.T("Booket", "Booked"),
        Localized.T("Holdt", "Held"),
        Localized.T("Informasjon gitt", "Information given"),
        Localized.T("Ikke publisert til alle", "Not published to all"),
    ];

    private static IEnumerable<IReadOnlyList<string?>> Rows(DialogueReport report) => report.Suppliers.Select(r => (IReadOnlyList<string?>)
    [
        r.OrganisationName,
        r.OrganisationNumber,
        DialogueRules.Time(r.RegisteredAt),
        r.SlotsOffered.ToString(CultureInfo.InvariantCulture),
        r.FirstOfferedAt is { } first ? DialogueRules.Time(first) : "",
        string.Join(", ", r.Booked.Select(DialogueRules.Time)),
        r.Held.ToString(CultureInfo.InvariantCulture),
        string.Join("\n", r.Information.Select(i =>
            $"{DialogueRules.Time(i.GivenAt)}: {i.Text}{(i.DocumentReference is { } d ? $" [{d}]" : "")} ({(i.PublishedAt is null ? Localized.T("ikke publisert", "not published") : Localized.T("publisert", "published"))})")),
        r.Unpublished.ToString(CultureInfo.InvariantCulture),
    ]);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
