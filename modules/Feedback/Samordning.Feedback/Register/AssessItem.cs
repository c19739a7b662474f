using Samordning.Feedback.Data;
using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Register;

// A coordinator's handling of one item: who handles it, its status and written assessment, what it concerns,
// and whether it is published or exempt from public access (with the legal basis).
internal sealed record AssessItemRequest(
    FeedbackStatus? Status,
    string? Assessment,
    Guid? HandlerPersonId,
    IReadOnlyList<Guid>? WorkstreamIds,
    IReadOnlyList<string>? Tags,
    bool Published,
    bool Exempt,
    string? ExemptionBasis,
    long? Version,
    IReadOnlyList<Guid>? InitiativeIds = null);

internal sealed class AssessItem : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/feedback/items/{id:guid}/assessment", async (Guid id, AssessItemRequest request, FeedbackDbContext db, IMinistryDirectory directory, IWorkstreamDirectory workstreams, IInitiativeDirectory initiatives, ICurrentUser user, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, directory, new(workstreams, initiatives), user, outbox, id, request, ct)).ToOk())
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Feedback register")
            .WithSummary("Assesses an item (coordinators): handler, status, assessment, workstreams, initiatives (null leaves them as they are), tags, publication and exemption. Send the version you read; a stale version gets 409.");

    public static async Task<Outcome<ItemDetails>> HandleAsync(
        FeedbackDbContext db, IMinistryDirectory directory, LinkDirectories links, ICurrentUser user, IOutbox outbox, Guid id, AssessItemRequest request, CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanManage(user.Principal))
        {
            return Outcome.Forbidden<ItemDetails>();
        }

        var item = await db.Items.WithChildren().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<ItemDetails>();
        }

        var errors = new FieldErrors().MaxLength(nameof(request.Assessment), request.Assessment, new("Vurdering", "Assessment"), 4000);
        if (request.Status is null)
        {
            errors.Add(nameof(request.Status), new("Velg en status.", "Choose a status."));
        }
        else if (request.Status is FeedbackStatus.Used or FeedbackStatus.NotUsed or FeedbackStatus.Answered && string.IsNullOrWhiteSpace(request.Assessment)) // a decision needs its reason
        {
            errors.Add(nameof(request.Assessment), new("Skriv hvordan innspillet er brukt eller hvorfor ikke.", "Write how the input was used, or why not."));
        }

        if (request.Exempt)
        {
            errors.Required(nameof(request.ExemptionBasis), request.ExemptionBasis, new("Hjemmel for unntak", "Legal basis for the exemption"), 500);
        }

        if (request.Published && !item.ConsentToPublish)
        {
            errors.Add(nameof(request.Published), new("Innsenderen har ikke samtykket til publisering.", "The contributor has not consented to publication."));
        }

        if (request.Published && request.Exempt)
        {
            errors.Add(nameof(request.Published), new("Et innspill som er unntatt offentlighet, kan ikke publiseres.", "Input exempt from public access cannot be published."));
        }

        PersonInfo? handler = null;
        if (request.HandlerPersonId is { } handlerId)
        {
            handler = await directory.GetPersonAsync(handlerId, cancellationToken);
            if (handler is null || !handler.Roles.Contains(Roles.Coordinator))
            {
                errors.Add(nameof(request.HandlerPersonId), new("Saksbehandleren må være en i KMD-teamet.", "The handler must be in the KMD team."));
            }
        }

        var tags = Tags.Normalise(request.Tags, errors, nameof(request.Tags));

        // Only links the item does not have yet are looked up: one made earlier (by a meeting, say) is not the
        // coordinator's to defend on every save.
        var workstreams = (request.WorkstreamIds ?? []).Where(w => w != Guid.Empty).Distinct().ToList();
        await WorkstreamChoices.CheckAsync(
            links.Workstreams, [.. workstreams.Where(w => item.Workstreams.All(x => x.WorkstreamId != w))], errors, nameof(request.WorkstreamIds), cancellationToken);
        var initiatives = request.InitiativeIds is null
            ? null
            : await links.Initiatives.CheckAsync(
                user.Principal, request.InitiativeIds, [.. item.Initiatives.Select(i => i.InitiativeId)], errors, nameof(request.InitiativeIds), cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<ItemDetails>(errors);
        }

        var outcome = await Concurrency.SaveAsync(db, item, request.Version, () =>
        {
            item.Status = request.Status!.Value;
            item.Assessment = string.IsNullOrWhiteSpace(request.Assessment) ? null : request.Assessment.Trim();
            item.HandlerPersonId = handler?.Id;
            item.HandlerName = handler?.Name;
            item.Published = request.Published;
            item.Exempt = request.Exempt;
            item.ExemptionBasis = request.Exempt ? request.ExemptionBasis!.Trim() : null;
            item.Workstreams.RemoveAll(w => !workstreams.Contains(w.WorkstreamId));
            var added = workstreams.Where(w => item.Workstreams.All(x => x.WorkstreamId != w)).ToList();
            item.Workstreams.AddRange(added.Select(w => new FeedbackWorkstream { WorkstreamId = w }));
            InputNotices.LinkedToWorkstreams(db, item, added, $"v{item.Version + 1}", user.PersonId, DateTimeOffset.UtcNow);
            if (initiatives is not null)
            {
                item.Initiatives.RemoveAll(i => !initiatives.Contains(i.InitiativeId));
                item.Initiatives.AddRange(initiatives.Where(i => item.Initiatives.All(x => x.InitiativeId != i)).Select(i => new FeedbackInitiative { InitiativeId = i }));
            }

            item.Tags.RemoveAll(t => !tags.Contains(t.Tag));
            item.Tags.AddRange(tags.Where(t => item.Tags.All(x => x.Tag != t)).Select(t => new FeedbackTag { Tag = t }));

            // Child rows change the item too; the version moves so a concurrent editor of the tags gets a 409.
            db.Entry(item).State = EntityState.Modified;
        }, i => ItemDetails.From(i, user.Principal), cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            await outbox.DeliverAsync(db, cancellationToken);
        }

        return outcome;
    }
}
