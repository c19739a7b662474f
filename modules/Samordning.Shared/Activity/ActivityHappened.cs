using Samordning.Shared.Events;
using Samordning.Shared.Text;

// In the shared kernel, as deadlines are: every module tells of what happens, and the Notifications module alone
// decides who hears of it and how, so no module needs another's contracts (nor the Notifications module theirs).
namespace Samordning.Shared.Activity;

/// <summary>The kinds of things that happen which people are told about; each can be turned off per person and channel.</summary>
public static class ActivityKinds
{
    /// <summary>An action item was given to the person.</summary>
    public const string ActionItemAssigned = "action-item-assigned";

    /// <summary>A meeting the person takes part in was changed, moved or cancelled.</summary>
    public const string MeetingChanged = "meeting-changed";

    /// <summary>A reporting round was opened that the person's ministry must answer.</summary>
    public const string RoundOpened = "round-opened";

    /// <summary>New input was linked to a workstream the person follows.</summary>
    public const string WorkstreamInput = "workstream-input";

    /// <summary>Someone else changed an initiative the person is the contact for.</summary>
    public const string InitiativeChanged = "initiative-changed";

    /// <summary>Every kind, in the order the settings page lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [ActionItemAssigned, MeetingChanged, RoundOpened, WorkstreamInput, InitiativeChanged];
}

/// <summary>
/// Something happened that people should hear of. The module where it happened stages it in its outbox
/// (<c>ModuleDbContext.StageEvent</c>) with the change; the Notifications module tells each recipient once per
/// <see cref="Key"/> and channel, however often the event is delivered, and never the person who did it.
/// </summary>
/// <param name="Key">Unique per occurrence and stable on redelivery, for example <c>meeting:{id}:v{version}</c>.</param>
/// <param name="Kind">One of <see cref="ActivityKinds"/>.</param>
/// <param name="ActorId">The person who did it (never told), or null (an external contributor, the system).</param>
/// <param name="People">The people it concerns, by registry id.</param>
/// <param name="FollowersOf">Workstreams whose followers it concerns as well.</param>
/// <param name="Title">What happened, in Bokmål and English.</param>
/// <param name="Link">Path of the page where the person sees it.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Meeting">For a meeting: what a calendar invitation (or cancellation) by e-mail carries.</param>
public sealed record ActivityHappened(
    string Key,
    string Kind,
    Guid? ActorId,
    IReadOnlyList<Guid> People,
    IReadOnlyList<Guid> FollowersOf,
    LocalizedText Title,
    string Link,
    DateTimeOffset OccurredAt,
    MeetingInvitation? Meeting = null) : IEvent;

/// <summary>A meeting as the calendar invitation sent by e-mail describes it.</summary>
/// <param name="MeetingId">The meeting; the invitation's UID comes from it and so stays the same for every change.</param>
/// <param name="Sequence">Increases with every change (the meeting's version), so calendars replace the older copy.</param>
/// <param name="Cancelled">True: the invitation cancels the meeting.</param>
/// <param name="Title">The meeting's title.</param>
/// <param name="StartsAt">The start.</param>
/// <param name="EndsAt">The end.</param>
/// <param name="Location">Place or online link, or null.</param>
/// <param name="OrganizerId">The organiser (the first facilitator), by registry id, or null.</param>
/// <param name="AttendeeIds">The people invited by name, by registry id (each recipient is listed as well).</param>
/// <param name="Uninvited">
/// True (with <paramref name="Cancelled"/>): the meeting goes on, but the recipients are no longer invited, so the
/// CANCEL names only them and carries no STATUS (RFC 5546, 3.2.5).
/// </param>
public sealed record MeetingInvitation(
    Guid MeetingId,
    long Sequence,
    bool Cancelled,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Location,
    Guid? OrganizerId,
    IReadOnlyList<Guid> AttendeeIds,
    bool Uninvited = false);
