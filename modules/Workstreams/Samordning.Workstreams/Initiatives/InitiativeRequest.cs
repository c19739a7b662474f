using Samordning.Ministries.Contracts;
using Samordning.Shared.Text;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

internal sealed record LinkRequest(string? Url, string? Title);

// The body of a create or an update of an initiative. Version is the one the person saw; null on create. Reference
// is the owning ministry's own (a case number): a re-import of their list finds the initiative by it; like every
// field of a PUT, leaving it out clears it.
internal sealed record InitiativeRequest(
    string? Title,
    string? Summary,
    Guid? OwningMinistryId,
    IReadOnlyList<Guid>? AgencyIds,
    IReadOnlyList<Guid>? CollaboratingMinistryIds,
    IReadOnlyList<Guid>? WorkstreamIds,
    Phase Phase,
    int Progress,
    Rag Status,
    string? StatusReason,
    DateOnly? StartDate,
    DateOnly? EndDate,
    Guid? ContactPersonId,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<LinkRequest>? Links,
    string? ExpectedResults,
    string? AchievedResults,
    string? Note = null,
    long? Version = null,
    string? Reference = null)
{
    public const int MaxTags = 20;
    public const int MaxLinks = 20;

    // What validation found in the registry, so applying the request needs no second lookup.
    internal sealed record Resolved(
        MinistryInfo Owner, IReadOnlyList<MinistryInfo> Collaborators, IReadOnlyList<AgencyInfo> Agencies, PersonInfo? Contact);

    // editing: the initiative being changed (its own reference is no clash), null on create.
    public async Task<(FieldErrors Errors, Resolved? Resolved)> ValidateAsync(
        WorkstreamsDbContext db, IMinistryDirectory directory, CancellationToken cancellationToken, Guid? editing = null)
    {
        var errors = ValidateFields();
        var workstreamIds = (WorkstreamIds ?? []).Distinct().ToList();
        var known = await db.Workstreams.Where(w => workstreamIds.Contains(w.Id)).Select(w => w.Id).ToListAsync(cancellationToken);
        if (known.Count != workstreamIds.Count)
        {
            errors.Add(nameof(WorkstreamIds), new("En eller flere arbeidsstrømmer finnes ikke.", "One or more workstreams do not exist."));
        }

        var ministries = await directory.GetMinistriesAsync(cancellationToken);
        var owner = ministries.FirstOrDefault(m => m.Id == OwningMinistryId);
        if (owner is null)
        {
            errors.Add(nameof(OwningMinistryId), new("Velg et departement som finnes.", "Choose an existing ministry."));
        }

        var collaboratorIds = (CollaboratingMinistryIds ?? []).Where(id => id != OwningMinistryId).Distinct().ToList();
        var collaborators = ministries.Where(m => collaboratorIds.Contains(m.Id)).ToList();
        if (collaborators.Count != collaboratorIds.Count)
        {
            errors.Add(nameof(CollaboratingMinistryIds), new("Et eller flere samarbeidende departementer finnes ikke.", "One or more collaborating ministries do not exist."));
        }

        var agencyIds = (AgencyIds ?? []).Distinct().ToList();
        var agencies = agencyIds.Count == 0 ? [] : await directory.GetAgenciesAsync(agencyIds, cancellationToken);
        if (agencies.Count != agencyIds.Count)
        {
            errors.Add(nameof(AgencyIds), new("En eller flere virksomheter finnes ikke.", "One or more agencies do not exist."));
        }

        if (owner is not null && Blank(Reference) is { } reference && reference.Length <= InitiativeImport.MaxReferenceLength
            && await ReferenceHolderAsync(db, owner.Id, reference, editing, cancellationToken) is { } holder)
        {
            errors.Add(nameof(Reference), ReferenceTaken(reference, holder));
        }

        PersonInfo? contact = null;
        if (ContactPersonId is { } contactId)
        {
            contact = await directory.GetPersonAsync(contactId, cancellationToken);
            if (contact is null)
            {
                errors.Add(nameof(ContactPersonId), new("Kontaktpersonen finnes ikke i personregisteret.", "The contact person is not in the people registry."));
            }
        }

        return (errors, errors.Any ? null : new Resolved(owner!, collaborators, agencies, contact));
    }

    // The title of another initiative of the ministry with this reference, or null. An import matches references
    // without regard to case, so two that differ only in case would be one to the next import: they clash here too.
    public static async Task<string?> ReferenceHolderAsync(WorkstreamsDbContext db, Guid ministryId, string reference, Guid? editing, CancellationToken cancellationToken)
    {
        var lowered = reference.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); the culture overloads and string.Equals are not
        var candidates = await db.Initiatives.AsNoTracking()
            .Where(i => i.OwningMinistryId == ministryId && i.Id != editing && i.Reference != null && i.Reference.ToLower() == lowered)
            .Select(i => new { i.Title, i.Reference })
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        return candidates.FirstOrDefault(c => string.Equals(c.Reference, reference, StringComparison.OrdinalIgnoreCase))?.Title;
    }

    public static LocalizedText ReferenceTaken(string reference, string? holder) => holder is null
        ? new($"Referanse: «{reference}» er allerede brukt på et annet tiltak i departementet.", $"Reference: “{reference}” is already used by another initiative of the ministry.")
        : new($"Referanse: «{reference}» er allerede brukt på tiltaket «{holder}» i departementet.", $"Reference: “{reference}” is already used by the initiative “{holder}” of the ministry.");

    // The rules that need no lookup: what the form and an imported row are held to alike.
    public FieldErrors ValidateFields()
    {
        var errors = new FieldErrors()
            .Required(nameof(Title), Title, new("Tittel", "Title"), 200)
            .MaxLength(nameof(Summary), Summary, new("Sammendrag", "Summary"), 4000)
            .MaxLength(nameof(StatusReason), StatusReason, new("Begrunnelse for status", "Reason for the status"), 1000)
            .MaxLength(nameof(ExpectedResults), ExpectedResults, new("Forventede resultater", "Expected results"), 4000)
            .MaxLength(nameof(AchievedResults), AchievedResults, new("Oppnådde resultater", "Achieved results"), 4000)
            .MaxLength(nameof(Note), Note, new("Merknad", "Note"), 4000)
            .MaxLength(nameof(Reference), Blank(Reference), new("Referanse", "Reference"), InitiativeImport.MaxReferenceLength)
            .InDateRange(nameof(StartDate), StartDate, new("Startdatoen", "The start date"))
            .InDateRange(nameof(EndDate), EndDate, new("Sluttdatoen", "The end date"));

        if (Progress is < 0 or > 100)
        {
            errors.Add(nameof(Progress), new("Fremdrift må være mellom 0 og 100 prosent.", "Progress must be between 0 and 100 per cent."));
        }

        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            errors.Add(nameof(EndDate), new("Sluttdato kan ikke være før startdato.", "The end date cannot be before the start date."));
        }

        if (Status == Rag.Red && string.IsNullOrWhiteSpace(StatusReason))
        {
            errors.Add(nameof(StatusReason), new("Rød status må begrunnes.", "A red status needs a reason."));
        }

        if (!Enum.IsDefined(Phase))
        {
            errors.Add(nameof(Phase), new("Ukjent fase.", "Unknown phase."));
        }

        if (!Enum.IsDefined(Status))
        {
            errors.Add(nameof(Status), new("Ukjent status.", "Unknown status."));
        }

        var tags = NormalizedTags();
        if (tags.Count > MaxTags)
        {
            errors.Add(nameof(Tags), new($"Høyst {MaxTags} stikkord.", $"At most {MaxTags} tags."));
        }

        if (tags.Any(t => t.Length > 60))
        {
            errors.Add(nameof(Tags), new("Et stikkord kan ha høyst 60 tegn.", "A tag can have at most 60 characters."));
        }

        ValidateLinks(errors);
        return errors;
    }

    public void ApplyTo(Initiative initiative, Resolved resolved, DateTimeOffset now)
    {
        initiative.Title = Title!.Trim();
        initiative.Summary = Blank(Summary);
        initiative.OwningMinistryId = resolved.Owner.Id;
        initiative.OwningMinistryCode = resolved.Owner.Code;
        initiative.Phase = Phase;
        initiative.Progress = Progress;
        initiative.Status = Status;
        initiative.StatusReason = Blank(StatusReason);
        initiative.StartDate = StartDate;
        initiative.EndDate = EndDate;
        initiative.ContactPersonId = resolved.Contact?.Id;
        initiative.ContactPersonName = resolved.Contact?.Name;
        initiative.ExpectedResults = Blank(ExpectedResults);
        initiative.AchievedResults = Blank(AchievedResults);
        initiative.Reference = Blank(Reference);
        initiative.UpdatedAt = now;

        Replace(initiative.CollaboratingMinistries, resolved.Collaborators.Select(m => new InitiativeMinistry { InitiativeId = initiative.Id, MinistryId = m.Id, MinistryCode = m.Code }), x => x.MinistryId);
        Replace(initiative.Agencies, resolved.Agencies.Select(a => new InitiativeAgency { InitiativeId = initiative.Id, AgencyId = a.Id, Name = a.NameNb }), x => x.AgencyId);
        Replace(initiative.Workstreams, (WorkstreamIds ?? []).Distinct().Select(id => new InitiativeWorkstream { InitiativeId = initiative.Id, WorkstreamId = id }), x => x.WorkstreamId);
        Replace(initiative.Tags, NormalizedTags().Select(t => new InitiativeTag { InitiativeId = initiative.Id, Tag = t }), x => x.Tag);
        initiative.Links.Clear();
        initiative.Links.AddRange((Links ?? []).Select(l => new InitiativeLink { InitiativeId = initiative.Id, Url = l.Url!.Trim(), Title = Blank(l.Title) }));
        initiative.SearchText = SearchTextOf(initiative);
    }

    // What the list's text box searches (ListInitiatives, InitiativeTextSearch): the text fields, the owner's code and
    // the tags, lower-cased.
    internal static string SearchTextOf(Initiative initiative) =>
        string.Join(' ', [initiative.Title, initiative.Summary, initiative.ExpectedResults, initiative.AchievedResults, initiative.OwningMinistryCode, .. initiative.Tags.Select(t => t.Tag)])
            .ToLowerInvariant();

    public List<string> NormalizedTags() =>
        [.. (Tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    private void ValidateLinks(FieldErrors errors)
    {
        var links = Links ?? [];
        if (links.Count > MaxLinks)
        {
            errors.Add(nameof(Links), new($"Høyst {MaxLinks} lenker.", $"At most {MaxLinks} links."));
        }

        if (links.Any(l => !Uri.TryCreate(l.Url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || l.Url!.Length > 2000))
        {
            errors.Add(nameof(Links), new("Lenker må være fullstendige nettadresser som begynner med https:// eller http://.", "Links must be full web addresses starting with https:// or http://."));
        }
    }

    // Keeps rows that stay (so EF Core does not delete and re-insert them), removes the rest, adds the new.
    private static void Replace<T, TKey>(List<T> current, IEnumerable<T> wanted, Func<T, TKey> key) where TKey : notnull
    {
        var wantedList = wanted.ToList();
        var wantedKeys = wantedList.Select(key).ToHashSet();
        current.RemoveAll(item => !wantedKeys.Contains(key(item)));
        var currentKeys = current.Select(key).ToHashSet();
        current.AddRange(wantedList.Where(item => !currentKeys.Contains(key(item))));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
