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
    IReadOnlyList<Guid> RecipientPersonIds);
