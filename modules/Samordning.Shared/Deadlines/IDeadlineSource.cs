namespace Samordning.Shared.Deadlines;

/// <summary>
/// A module's deadlines, for the reminder sweep (input rounds, reporting rounds, action items, meetings).
/// Found by the host's Scrutor scan.
/// </summary>
public interface IDeadlineSource
{
    /// <summary>
    /// Deadlines that are open and fall due at or after <paramref name="from"/>, or are overdue and still open; with
    /// <paramref name="until"/>, only those that fall due before it. The sweep passes the last instant any reminder
    /// policy can be due for now, so a source filters in its query instead of handing over months of deadlines
    /// that nobody is reminded of yet.
    /// </summary>
    IAsyncEnumerable<Deadline> GetOpenDeadlinesAsync(DateTimeOffset from, DateTimeOffset? until, CancellationToken cancellationToken);

    /// <summary>
    /// The kinds of deadline this source gives, with a name people read: coordinators set a reminder policy per kind.
    /// </summary>
    IReadOnlyList<DeadlineKind> Kinds => [];
}

/// <summary>A kind of deadline (<see cref="Deadline.Kind"/>) and its name on the reminder rules page.</summary>
/// <param name="Kind">The kind, as the source's deadlines carry it.</param>
/// <param name="Name">What people call it.</param>
public sealed record DeadlineKind(string Kind, Text.LocalizedText Name);

/// <summary>One deadline and the people who should be reminded of it.</summary>
/// <param name="Key">Stable key across runs, for example <c>workstreams.round:{id}</c>; a moved deadline keeps its key.</param>
/// <param name="Kind">The kind of deadline, which selects the reminder policy.</param>
/// <param name="Title">What the reminder is about, in Bokmål and English.</param>
/// <param name="DueAt">When it falls due.</param>
/// <param name="Link">Path of the page where the recipient acts.</param>
/// <param name="RecipientPersonIds">People in the Ministries registry who have not yet done what is due.</param>
public sealed record Deadline(
    string Key,
    string Kind,
    Text.LocalizedText Title,
    DateTimeOffset DueAt,
    string Link,
    IReadOnlyList<Guid> RecipientPersonIds)
{
    /// <summary>
    /// One-click actions per recipient that the reminder carries besides <see cref="Link"/>, for example "unchanged"
    /// for each of the person's initiatives in a reporting round. None for a recipient not in the map.
    /// </summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<DeadlineAction>> Actions { get; init; } = new Dictionary<Guid, IReadOnlyList<DeadlineAction>>();

    /// <summary>The actions offered to one recipient, in order.</summary>
    public IReadOnlyList<DeadlineAction> ActionsFor(Guid personId) => Actions.TryGetValue(personId, out var actions) ? actions : [];
}

/// <summary>A one-click action in a reminder: what it is about (shown as the link's text) and the page that does it.</summary>
/// <param name="Label">What the action is about, in Bokmål and English, for example an initiative's title.</param>
/// <param name="Link">Path of the page that asks to confirm the action; it must change nothing on a GET.</param>
public sealed record DeadlineAction(Text.LocalizedText Label, string Link);
