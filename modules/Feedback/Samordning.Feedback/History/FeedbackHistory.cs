using System.Security.Claims;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.History;
using Samordning.Shared.Text;

namespace Samordning.Feedback.History;

// The history of input items and input rounds (issue 16, point 4), for those who may read them in the register.
// The contributor's personal data (PersonalData) reaches the audit log only redacted; an older entry that still holds
// it shows it only to those who may see who gave the input, until anonymisation or erasure scrubs it.
internal static class FeedbackHistory
{
    public const string Items = "innspill";
    public const string Rounds = "runder";

    private static readonly Dictionary<string, HistoryField> ItemFields = new(StringComparer.Ordinal)
    {
        [nameof(FeedbackItem.Reference)] = new(new("Referanse", "Reference")),
        [nameof(FeedbackItem.Channel)] = HistoryField.Enum<Channel>(new("Kanal", "Channel"), c => RoundTexts.ChannelText(c)),
        [nameof(FeedbackItem.Source)] = new(new("Kilde", "Source")),
        [nameof(FeedbackItem.ReceivedAt)] = new(new("Mottatt", "Received")),
        [nameof(FeedbackItem.ContributorType)] = HistoryField.Enum<ContributorType>(new("Type innsender", "Kind of contributor"), t => RoundTexts.ContributorTypeText(t)),
        [nameof(FeedbackItem.OrganisationName)] = new(new("Organisasjon", "Organisation")),
        [nameof(FeedbackItem.OrganisationNumber)] = new(new("Organisasjonsnummer", "Organisation number")),
        [nameof(FeedbackItem.ContributorName)] = new(new("Innsenders navn", "Contributor's name")),
        [nameof(FeedbackItem.ContributorEmail)] = new(new("Innsenders e-post", "Contributor's e-mail")),
        [nameof(FeedbackItem.Text)] = new(new("Innspill", "Input")),
        [nameof(FeedbackItem.ConsentToPublish)] = new(new("Samtykke til publisering", "Consent to publish")),
        [nameof(FeedbackItem.ConsentToPublishName)] = new(new("Samtykke til å publisere navnet", "Consent to publish the name")),
        [nameof(FeedbackItem.Published)] = new(new("Publisert", "Published")),
        [nameof(FeedbackItem.Exempt)] = new(new("Unntatt offentlighet", "Exempt from public access")),
        [nameof(FeedbackItem.ExemptionBasis)] = new(new("Hjemmel for unntak", "Legal basis for exemption")),
        [nameof(FeedbackItem.HandlerName)] = new(new("Saksbehandler", "Handler")),
        [nameof(FeedbackItem.Status)] = HistoryField.Enum<FeedbackStatus>(new("Status", "Status"), s => RoundTexts.StatusText(s)),
        [nameof(FeedbackItem.Assessment)] = new(new("Vurdering", "Assessment")),
        [nameof(FeedbackItem.AnonymisedAt)] = new(new("Anonymisert", "Anonymised")),
    };

    private static readonly Dictionary<string, HistoryField> RoundFields = new(StringComparer.Ordinal)
    {
        [nameof(InputRound.Title)] = new(new("Tittel", "Title")),
        [nameof(InputRound.Description)] = new(new("Beskrivelse", "Description")),
        [nameof(InputRound.Audience)] = HistoryField.Enum<Audience>(new("Målgruppe", "Audience"), RoundTexts.AudienceText),
        [nameof(InputRound.OpensAt)] = new(new("Åpner", "Opens")),
        [nameof(InputRound.Deadline)] = new(new("Frist", "Deadline")),
        [nameof(InputRound.IsPublic)] = new(new("Offentlig innspillsside", "Public input page")),
        [nameof(InputRound.RetentionMonths)] = new(new("Lagringstid (måneder)", "Retention (months)")),
        [nameof(InputRound.AnonymisedAt)] = new(new("Anonymisert", "Anonymised")),
    };

    public static async Task<Outcome<HistoryView>> HandleAsync(FeedbackDbContext db, ClaimsPrincipal user, string kind, Guid id, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case Items:
                if (await db.Items.Where(i => i.Id == id).Select(i => new { i.Reference, i.MinistryId }).FirstOrDefaultAsync(cancellationToken) is not { } item)
                {
                    return Outcome.NotFound<HistoryView>();
                }

                return await db.Items.Visible(user).AnyAsync(i => i.Id == id, cancellationToken)
                    ? await ViewAsync(db, Localized.T($"Innspill {item.Reference}", $"Input {item.Reference}"), $"/innspillsregister/{id}", nameof(FeedbackItem), id, ItemFields, MaySeeContributor(user, item.MinistryId), cancellationToken)
                    : Outcome.Forbidden<HistoryView>();
            case Rounds:
                if (await db.Rounds.Where(r => r.Id == id).Select(r => r.Title).FirstOrDefaultAsync(cancellationToken) is not { } title)
                {
                    return Outcome.NotFound<HistoryView>();
                }

                if (!FeedbackAccess.CanRead(user))
                {
                    return Outcome.Forbidden<HistoryView>();
                }

                var round = await RecordHistory.ReadAsync(db, nameof(InputRound), id, RoundFields, showPersonal: true, cancellationToken);
                var links = db.GuestLinks.Where(l => l.RoundId == id).Select(l => l.Id);
                return Outcome.Ok(new HistoryView(title, $"/innspillsregister/runder/{id}", await GuestLinkHistory.WithLinksAsync(db, round, nameof(RoundGuestLink), links, cancellationToken)));
            default:
                return Outcome.NotFound<HistoryView>();
        }
    }

    // Who gave the input is for coordinators and the contact persons of the ministry it came from (as ItemDetails).
    private static bool MaySeeContributor(ClaimsPrincipal user, Guid? ministryId) =>
        user.IsInRole(Roles.Coordinator) || (ministryId is not null && user.IsInRole(Roles.ContactPerson) && user.MinistryId() == ministryId);

    private static async Task<Outcome<HistoryView>> ViewAsync(
        FeedbackDbContext db, string title, string url, string entity, Guid id, Dictionary<string, HistoryField> fields, bool showPersonal, CancellationToken cancellationToken) =>
        Outcome.Ok(new HistoryView(title, url, await RecordHistory.ReadAsync(db, entity, id, fields, showPersonal, cancellationToken)));
}

internal sealed class GetFeedbackHistory : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/feedback/items/{id:guid}/history", async (Guid id, FeedbackDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                (await FeedbackHistory.HandleAsync(db, user, FeedbackHistory.Items, id, ct)).ToOk())
            .WithTags("History")
            .WithSummary("Who changed what in an input item, and when, in the reader's language; personal data is never kept in it.");
        api.MapGet("/feedback/rounds/{id:guid}/history", async (Guid id, FeedbackDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
                (await FeedbackHistory.HandleAsync(db, user, FeedbackHistory.Rounds, id, ct)).ToOk())
            .WithTags("History")
            .WithSummary("Who changed what in an input round, and when, in the reader's language.");
    }
}
