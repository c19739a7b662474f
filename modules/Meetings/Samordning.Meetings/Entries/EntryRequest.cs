using Samordning.Meetings.Data;
using Samordning.Meetings.Links;
using Samordning.Meetings.Meetings;
using Samordning.Ministries.Contracts;

namespace Samordning.Meetings.Entries;

// A new entry, or a correction of one (Version is then the one the facilitator saw).
internal sealed record EntryRequest(
    EntryKind Kind,
    string? Text,
    Guid? AgendaItemId = null,
    Guid? OwnerPersonId = null,
    DateOnly? DueDate = null,
    string? OrganisationName = null,
    string? OrganisationNumber = null,
    Guid? ContributorPersonId = null,
    long? Version = null,
    Guid? WorkstreamId = null,
    Guid? InitiativeId = null)
{
    // A decision's or an action item's own links (issue 16); other kinds belong to their meeting alone.
    public static bool Linkable(EntryKind kind) => kind is EntryKind.Decision or EntryKind.ActionItem;

    public async Task<(FieldErrors Errors, PersonInfo? Owner)> ValidateAsync(
        EntryTarget meeting, MeetingServices deps, MeetingEntry? current, CancellationToken cancellationToken)
    {
        var directory = deps.Directory;
        var errors = new FieldErrors()
            .Required(nameof(Text), Text, new("Teksten", "The text"), EntryRules.MaxTextLength)
            .MaxLength(nameof(OrganisationName), OrganisationName, new("Organisasjonen", "The organisation"), 200)
            .OrganisationNumber(nameof(OrganisationNumber), OrganisationNumber, new("Organisasjonsnummeret", "The organisation number"))
            .InDateRange(nameof(DueDate), DueDate, new("Fristen", "The due date"));

        if (!Enum.IsDefined(Kind))
        {
            errors.Add(nameof(Kind), new("Ukjent type notat.", "Unknown kind of note."));
        }

        if (AgendaItemId is not null && !meeting.AgendaItemOnMeeting)
        {
            errors.Add(nameof(AgendaItemId), new("Punktet finnes ikke på dagsordenen til dette møtet.", "The item is not on this meeting's agenda."));
        }

        PersonInfo? owner = null;
        if (Kind == EntryKind.ActionItem)
        {
            if (OwnerPersonId is null)
            {
                errors.Add(nameof(OwnerPersonId), new("Et oppfølgingspunkt må ha en ansvarlig.", "An action item needs an owner."));
            }
            else if ((owner = await directory.GetPersonAsync(OwnerPersonId.Value, cancellationToken)) is null)
            {
                errors.Add(nameof(OwnerPersonId), new("Den ansvarlige finnes ikke i personregisteret.", "The owner is not in the people registry."));
            }

            if (DueDate is null)
            {
                errors.Add(nameof(DueDate), new("Et oppfølgingspunkt må ha en frist.", "An action item needs a due date."));
            }
        }

        if (Linkable(Kind))
        {
            await OwnLinks.CheckAsync(deps, (WorkstreamId, current?.WorkstreamId), (InitiativeId, current?.InitiativeId), errors, cancellationToken);
        }

        return (errors, owner);
    }

    public void ApplyTo(MeetingEntry entry, PersonInfo? owner, DateTimeOffset now)
    {
        entry.Kind = Kind;
        entry.Text = Text!.Trim();
        entry.AgendaItemId = AgendaItemId;
        var action = Kind == EntryKind.ActionItem;
        entry.OwnerPersonId = action ? owner?.Id : null;
        entry.OwnerName = action ? owner?.Name : null;
        entry.DueDate = action ? DueDate : null;
        entry.ActionStatus = action ? entry.ActionStatus ?? ActionStatus.Open : null;
        var feedback = Kind == EntryKind.Feedback;
        entry.OrganisationName = feedback && !string.IsNullOrWhiteSpace(OrganisationName) ? OrganisationName.Trim() : null;
        entry.OrganisationNumber = feedback && !string.IsNullOrWhiteSpace(OrganisationNumber) ? Shared.Text.OrganisationNumber.Normalize(OrganisationNumber) : null;
        entry.ContributorPersonId = feedback ? ContributorPersonId : null;
        entry.WorkstreamId = Linkable(Kind) && WorkstreamId != Guid.Empty ? WorkstreamId : null;
        entry.InitiativeId = Linkable(Kind) && InitiativeId != Guid.Empty ? InitiativeId : null;
        entry.UpdatedAt = now;
    }
}
