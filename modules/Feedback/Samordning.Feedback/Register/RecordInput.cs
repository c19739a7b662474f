using Samordning.Feedback.Data;
using Samordning.Feedback.Submissions;
using Samordning.Shared.Text;
using Samordning.Shared.Time;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Register;

// Input that came another way than the web form: an e-mail, a letter, a meeting or a one-to-one meeting.
internal sealed record RecordInputRequest(
    Guid? RoundId,
    Channel? Channel,
    string? Source,
    DateTimeOffset? ReceivedAt,
    ContributorType? ContributorType,
    string? OrganisationName,
    string? OrganisationNumber,
    string? ContributorName,
    string? ContributorEmail,
    string? Text,
    bool ConsentToPublish,
    bool ConsentToPublishName,
    IReadOnlyList<Guid>? WorkstreamIds,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<Guid>? InitiativeIds = null);

internal sealed class RecordInput : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/feedback/items", async (RecordInputRequest request, FeedbackDbContext db, IWorkstreamDirectory workstreams, IInitiativeDirectory initiatives, ICurrentUser user, IClock clock, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, new(workstreams, initiatives), user, clock, outbox, request, [], ct)).ToCreated(i => $"/api/feedback/items/{i.Id}"))
            .WithTags("Feedback register")
            .WithSummary("Records input that came by e-mail, letter, meeting or one-to-one meeting (coordinators; contact persons for their own ministry).");

    // The files are the page's (an e-mail's or a letter's attachments), checked by the public page's rules.
    public static async Task<Outcome<ItemDetails>> HandleAsync(
        FeedbackDbContext db,
        LinkDirectories links,
        ICurrentUser user,
        IClock clock,
        IOutbox outbox,
        RecordInputRequest request,
        IReadOnlyList<UploadedFile> attachments,
        CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanRecord(user.Principal))
        {
            return Outcome.Forbidden<ItemDetails>();
        }

        var errors = new FieldErrors()
            .Required(nameof(request.Source), request.Source, new("Kilde", "Source"), 200)
            .Required(nameof(request.OrganisationName), request.OrganisationName, new("Organisasjon", "Organisation"), 200)
            .OrganisationNumber(nameof(request.OrganisationNumber), request.OrganisationNumber, new("Organisasjonsnummer", "Organisation number"))
            .MaxLength(nameof(request.ContributorName), request.ContributorName, new("Navn", "Name"), 200)
            .Email(nameof(request.ContributorEmail), request.ContributorEmail, new("E-post", "E-mail"), required: false)
            .Required(nameof(request.Text), request.Text, new("Innspill", "Input"), 20000);
        if (request.Channel is null)
        {
            errors.Add(nameof(request.Channel), new("Velg hvordan innspillet kom inn.", "Choose how the input arrived."));
        }

        if (request.ContributorType is null)
        {
            errors.Add(nameof(request.ContributorType), new("Velg hvem innspillet kommer fra.", "Choose who the input is from."));
        }

        // By Oslo date, not instant: the form sends a day (as noon Oslo time), and today is never in the future.
        errors.InDateRange(nameof(request.ReceivedAt), request.ReceivedAt, new("Mottatt-datoen", "The received date"));
        if (request.ReceivedAt is { } received && !errors.Has(nameof(request.ReceivedAt)) && Oslo.DateOf(received) > Oslo.DateOf(clock.UtcNow))
        {
            errors.Add(nameof(request.ReceivedAt), new("Datoen kan ikke være fram i tid.", "The date cannot be in the future."));
        }

        var tags = Tags.Normalise(request.Tags, errors, nameof(request.Tags));
        var workstreamIds = await WorkstreamChoices.CheckAsync(links.Workstreams, request.WorkstreamIds, errors, nameof(request.WorkstreamIds), cancellationToken);
        var initiativeIds = await links.Initiatives.CheckAsync(user.Principal, request.InitiativeIds, [], errors, nameof(request.InitiativeIds), cancellationToken);
        var (_, files) = AttachmentRules.Check(attachments, errors, "Attachments");
        if (request.RoundId is { } roundId && !await db.Rounds.AnyAsync(r => r.Id == roundId, cancellationToken))
        {
            errors.Add(nameof(request.RoundId), new("Innspillsrunden finnes ikke.", "The input round does not exist."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<ItemDetails>(errors);
        }

        var item = new FeedbackItem
        {
            Reference = Submissions.References.New(),
            RoundId = request.RoundId,
            Channel = request.Channel!.Value,
            Source = request.Source!.Trim(),
            ReceivedAt = request.ReceivedAt ?? clock.UtcNow,
            ContributorType = request.ContributorType!.Value,
            OrganisationName = request.OrganisationName!.Trim(),
            OrganisationNumber = string.IsNullOrWhiteSpace(request.OrganisationNumber) ? null : OrganisationNumber.Normalize(request.OrganisationNumber),
            ContributorName = string.IsNullOrWhiteSpace(request.ContributorName) ? null : request.ContributorName.Trim(),
            ContributorEmail = Privacy.Contributors.NormaliseEmail(request.ContributorEmail),

            // A contact person records for their own ministry; a coordinator records for whoever gave it.
            MinistryId = user.Principal.IsInRole(Roles.Coordinator) ? null : user.Principal.MinistryId(),
            Text = request.Text!.Trim(),
            ConsentToPublish = request.ConsentToPublish,
            ConsentToPublishName = request.ConsentToPublish && request.ConsentToPublishName,
        };
        item.Workstreams.AddRange(workstreamIds.Select(id => new FeedbackWorkstream { WorkstreamId = id }));
        item.Initiatives.AddRange(initiativeIds.Select(id => new FeedbackInitiative { InitiativeId = id }));
        item.Attachments.AddRange(files);
        item.Tags.AddRange(tags.Select(t => new FeedbackTag { Tag = t }));
        db.Items.Add(item);
        InputNotices.LinkedToWorkstreams(db, item, [.. item.Workstreams.Select(w => w.WorkstreamId)], "recorded", user.PersonId, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);

        // The register's open pages hear of it at once (FeedbackLive, staged by the save).
        await outbox.DeliverAsync(db, cancellationToken);
        return Outcome.Ok(ItemDetails.From(item, user.Principal));
    }
}

internal static class Tags
{
    public const int Max = 20;

    // Tags are themes; lower-cased and trimmed so "Digitalisering" and "digitalisering " are one.
    public static List<string> Normalise(IReadOnlyList<string>? tags, FieldErrors errors, string field)
    {
        var list = (tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > Max)
        {
            errors.Add(field, new($"Høyst {Max} stikkord.", $"At most {Max} tags."));
        }

        foreach (var tag in list.Where(t => t.Length > 60))
        {
            errors.Add(field, new($"Stikkordet «{tag[..20]}…» er lengre enn 60 tegn.", $"The tag “{tag[..20]}…” is longer than 60 characters."));
        }

        return list;
    }
}
