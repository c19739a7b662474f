using Samordning.Shared.Overview;
using Samordning.Shared.Text;

namespace Samordning.Shared.Process;

/// <summary>
/// A module's part of the white paper's public process (<c>/prosess</c> and its Atom and iCalendar feeds): what it
/// has published for everyone. Found by the host's Scrutor scan; the host merges the events and reads no module's data.
/// A source is asked without a person, so it can only ever return what the public may see.
/// </summary>
public interface IProcessSource
{
    /// <summary>The module's public events at <paramref name="now"/>, in no particular order.</summary>
    Task<IReadOnlyList<ProcessEvent>> GetPublicEventsAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>What kind of step in the process an event is.</summary>
public enum ProcessEventKind
{
    /// <summary>A milestone the KMD team curates (a day).</summary>
    Milestone,

    /// <summary>A published meeting, past or coming.</summary>
    Meeting,

    /// <summary>A public input round, open or closed (from its opening to its deadline).</summary>
    InputRound,

    /// <summary>KMD's published response to one input ("you said, we did").</summary>
    Response,
}

/// <summary>One step of the process.</summary>
/// <param name="Key">Stable and unique across modules (<c>milestone:{id}</c>): the feeds' entry id and calendar UID.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Title">Its title.</param>
/// <param name="StartsAt">When it happens or begins (UTC); for a milestone, the start of its day in Europe/Oslo.</param>
/// <param name="EndsAt">When it ends (a meeting's end, a round's deadline), or null.</param>
/// <param name="Day">The day of an all-day event (a milestone), or null.</param>
/// <param name="Summary">A short description, or null.</param>
/// <param name="Href">The public page it leads to (a path on this site).</param>
/// <param name="Links">Published documents: minutes, recordings, presentations, published input.</param>
/// <param name="UpdatedAt">When it last changed, for the feeds' <c>updated</c> and cache validators.</param>
/// <param name="Status">A short status ("open", "minutes published"), or null.</param>
/// <param name="Order">Orders events that start at the same instant (the coordinators' order of milestones of a day).</param>
public sealed record ProcessEvent(
    string Key,
    ProcessEventKind Kind,
    LocalizedText Title,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    DateOnly? Day,
    LocalizedText? Summary,
    string Href,
    IReadOnlyList<OverviewLink> Links,
    DateTimeOffset UpdatedAt,
    LocalizedText? Status = null,
    int Order = 0);
