using Samordning.Shared.Search;

namespace Samordning.Feedback.Data;

// Who a round asks; a round may ask several groups, so the values combine.
[Flags]
internal enum Audience
{
    None = 0,
    Ministries = 1,
    Agencies = 2,
    Suppliers = 4,
    Research = 8,
    Organisations = 16,
    Citizens = 32,
    Everyone = Ministries | Agencies | Suppliers | Research | Organisations | Citizens,
}

internal enum ContributorType
{
    Ministry,
    Agency,
    Supplier,
    Research,
    Organisation,
    Citizen,
}

// How the input reached the register.
internal enum Channel
{
    WebForm,
    Email,
    Letter,
    Meeting,
    OneToOne,
}

internal enum FeedbackStatus
{
    Received,
    BeingAssessed,
    Used,
    NotUsed,
    Answered,
}

internal sealed class InputRound : IVersioned, IAudited, IPublicContent
{
    public bool IsPublicContent => IsPublic;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string? Description { get; set; }
    public Audience Audience { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public bool IsPublic { get; set; }

    // Personal data in the round's input is anonymised this many months after the deadline.
    public int RetentionMonths { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? AnonymisedAt { get; set; }
    public long Version { get; set; }
    public List<RoundQuestion> Questions { get; init; } = [];
}

internal sealed class RoundQuestion
{
    public long Id { get; set; }
    public Guid RoundId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}

internal sealed class FeedbackItem : IVersioned, IAudited, ISearchIndexed, IPublicContent
{
    // Published input is shown; exempting (or no longer exempting) an item hides (or shows) its published response
    // on the process page even when the item itself is not published. A new, unpublished submission is neither.
    public bool IsPublicContent => Published || Exempt;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    // What the contributor quotes: short, unique, readable over the phone.
    public required string Reference { get; set; }
    public Guid? RoundId { get; set; }
    public Channel Channel { get; set; }

    // Where it came from in words: "Innspillsside", a meeting's title, "Brev fra …". Staff's words that may name
    // the contributor, so personal like the assessment below: anonymisation and erasure take the name out of both.
    [PersonalData]
    public required string Source { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public ContributorType ContributorType { get; set; }
    public string? OrganisationName { get; set; }
    public string? OrganisationNumber { get; set; }

    // The contributor's personal data: never copied into the audit log (PersonalData), cleared by anonymisation
    // (name, e-mail) and erasure (also the text).
    [PersonalData]
    public string? ContributorName { get; set; }

    [PersonalData]
    public string? ContributorEmail { get; set; }

    // The ministry the input came from or was submitted on behalf of (contact persons see their own).
    public Guid? MinistryId { get; set; }

    [PersonalData]
    public string? Text { get; set; }
    public bool ConsentToPublish { get; set; }
    public bool ConsentToPublishName { get; set; }
    public bool Published { get; set; }
    public bool Exempt { get; set; }
    public string? ExemptionBasis { get; set; }
    public Guid? HandlerPersonId { get; set; }
    public string? HandlerName { get; set; }
    public FeedbackStatus Status { get; set; } = FeedbackStatus.Received;
    [PersonalData]
    public string? Assessment { get; set; }

    // The public form's token (one submission per form, however often it is posted) and the Meetings entry id.
    public string? IdempotencyToken { get; set; }

    // The language the contributor wrote in ("nb", "nn", "en"; null before it was kept): mail to them later, such as
    // KMD's response, is written in it.
    public string? Language { get; set; }
    public Guid? MeetingEntryId { get; set; }
    public DateTimeOffset? AnonymisedAt { get; set; }
    public long Version { get; set; }

    // Personal like the columns it repeats (the contributor's name and text): anonymisation and erasure save the
    // item, which recomputes it without them.
    [PersonalData]
    public string SearchIndex { get; set; } = "";

    // The contributor's name is in the personal part, which only those who may see the name search (FeedbackSearch);
    // the e-mail address, which only coordinators see, and the assessment and source are not searched.
    public SearchDocument SearchDocument() => new(Reference, [OrganisationName, Text], [ContributorName]);

    public List<FeedbackAnswer> Answers { get; init; } = [];
    public List<FeedbackAttachment> Attachments { get; init; } = [];
    public List<FeedbackWorkstream> Workstreams { get; init; } = [];
    public List<FeedbackInitiative> Initiatives { get; init; } = [];
    public List<FeedbackTag> Tags { get; init; } = [];
}

internal sealed class FeedbackAnswer : ISearchIndexed
{
    public long Id { get; set; }
    public Guid ItemId { get; set; }
    public long QuestionId { get; set; }
    public required string Question { get; set; }
    public required string Text { get; set; }

    [PersonalData]
    public string SearchIndex { get; set; } = "";

    public SearchDocument SearchDocument() => new(null, [Text]);
}

internal sealed class FeedbackAttachment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ItemId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
}

internal sealed class FeedbackWorkstream
{
    public Guid ItemId { get; set; }
    public Guid WorkstreamId { get; set; }
}

// An id into the Workstreams module (no foreign key across modules), as FeedbackWorkstream.
internal sealed class FeedbackInitiative
{
    public Guid ItemId { get; set; }
    public Guid InitiativeId { get; set; }
}

internal sealed class FeedbackTag
{
    public Guid ItemId { get; set; }
    public required string Tag { get; set; }
}
