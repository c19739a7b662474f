using System.Text.Json.Serialization;
using Samordning.Shared.Search;

namespace Samordning.Meetings.Data;

// Travels as its name in the API and in live items (the page script reads the names).
[JsonConverter(typeof(JsonStringEnumConverter<MeetingKind>))]
internal enum MeetingKind
{
    KickOff,
    Dialogue,
    OneToOne,
    Workshop,
    Internal,
}

// Travels as its name in the API and in live items (the page script reads the names).
[JsonConverter(typeof(JsonStringEnumConverter<MeetingStatus>))]
internal enum MeetingStatus
{
    Planned,
    Live,
    Closed,

    // Called off: its people are told (with a calendar cancellation), and nobody registers or writes in it.
    Cancelled,
}

internal sealed class Meeting : IVersioned, IAudited, ISearchIndexed, IPublicContent
{
    // The public pages show published meetings (a cancelled one leaves them, which is a change too).
    public bool IsPublicContent => Published;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public MeetingKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    // Instants in UTC; pages and calendars show them in Europe/Oslo.
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public Guid OrganisingMinistryId { get; set; }
    public required string OrganisingMinistryCode { get; set; }
    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;

    // Published: the public page shows the meeting, its published minutes, recordings and presentations.
    public bool Published { get; set; }
    public bool MinutesPublished { get; set; }

    // Set on every change, so a change of only the agenda or the participants still checks and bumps the version.
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public string SearchIndex { get; set; } = "";

    public SearchDocument SearchDocument() => new(Title, [Description, Place, OrganisingMinistryCode]);

    public List<MeetingFacilitator> Facilitators { get; init; } = [];
    public List<MeetingParticipant> Participants { get; init; } = [];
    public List<AgendaItem> Agenda { get; init; } = [];
    public List<MeetingWorkstream> Workstreams { get; init; } = [];
    public List<MeetingInitiative> Initiatives { get; init; } = [];
}

internal sealed class MeetingFacilitator
{
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public required string Name { get; set; }
}

// Travels as its name in the API and in live items (the page script reads the names).
[JsonConverter(typeof(JsonStringEnumConverter<ParticipantKind>))]
internal enum ParticipantKind
{
    Person,
    Ministry,
    Organisation,
}

// A person from the registry, a ministry (everyone in it may follow), or an external organisation by name.
internal sealed class MeetingParticipant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public ParticipantKind Kind { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? MinistryId { get; set; }
    public required string Name { get; set; }
    public string? OrganisationNumber { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
    public bool Attended { get; set; }
}

internal sealed class AgendaItem : ISearchIndexed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }

    // An agenda item may be about one workstream and one initiative of its own (ids into the Workstreams module),
    // beside those of its meeting, as decisions and action items may.
    public Guid? WorkstreamId { get; set; }
    public Guid? InitiativeId { get; set; }

    public string SearchIndex { get; set; } = "";

    public SearchDocument SearchDocument() => new(Title, []);
}

internal sealed class MeetingWorkstream
{
    public Guid MeetingId { get; set; }
    public Guid WorkstreamId { get; set; }
}

// An id into the Workstreams module (no foreign key across modules), as MeetingWorkstream.
internal sealed class MeetingInitiative
{
    public Guid MeetingId { get; set; }
    public Guid InitiativeId { get; set; }
}

// Travels as its name in the API and in live items (the page script reads the names).
[JsonConverter(typeof(JsonStringEnumConverter<EntryKind>))]
internal enum EntryKind
{
    Note,
    Decision,
    ActionItem,
    Question,
    Feedback,
}

// Travels as its name in the API and in live items (the page script reads the names).
[JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))]
internal enum ActionStatus
{
    Open,
    Done,
}

// A live note written by a facilitator. Corrections and withdrawals bump the version; every state the entry
// had is kept in EntryRevisions.
internal sealed class MeetingEntry : IVersioned, IAudited, ISearchIndexed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public EntryKind Kind { get; set; }
    public required string Text { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public string? OwnerName { get; set; }
    public DateOnly? DueDate { get; set; }
    public ActionStatus? ActionStatus { get; set; }
    public string? OrganisationName { get; set; }
    public string? OrganisationNumber { get; set; }
    public Guid? ContributorPersonId { get; set; }

    // A decision or an action item may belong to one workstream and one initiative of its own (ids into the
    // Workstreams module), beside those of its meeting.
    public Guid? WorkstreamId { get; set; }
    public Guid? InitiativeId { get; set; }
    public bool Withdrawn { get; set; }
    public Guid? AuthorPersonId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentToFeedbackAt { get; set; }
    // When the feedback register confirmed it has the entry (its acknowledgement event); until then it is "sending".
    public DateTimeOffset? FeedbackReceivedAt { get; set; }
    public long Version { get; set; }

    public string SearchIndex { get; set; } = "";

    public SearchDocument SearchDocument() => new(null, [Text, OwnerName, OrganisationName]);
}

internal sealed class EntryRevision
{
    public long Id { get; set; }
    public Guid EntryId { get; set; }
    public long Version { get; set; }
    public EntryKind Kind { get; set; }
    public required string Text { get; set; }
    public bool Withdrawn { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}

// Travels as its name in the API and in live items (the page script reads the names).
[JsonConverter(typeof(JsonStringEnumConverter<MaterialKind>))]
internal enum MaterialKind
{
    Presentation,
    Recording,
}

internal sealed class MeetingMaterial : IAudited, IPublicContent
{
    // The material does not know whether its meeting is published; adding one is rare, so it always counts.
    public bool IsPublicContent => true;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public MaterialKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Url { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long Size { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public required string AddedBy { get; set; }
}

// The bytes of an uploaded presentation, apart from its description so lists never load them.
internal sealed class MaterialContent
{
    public Guid MaterialId { get; set; }
    public required byte[] Bytes { get; set; }
}
