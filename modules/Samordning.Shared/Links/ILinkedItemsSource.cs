using System.Security.Claims;
using Samordning.Shared.Text;

namespace Samordning.Shared.Links;

/// <summary>What a linked item is, so a page can group items by kind.</summary>
public enum LinkedKind
{
    /// <summary>A meeting linked to the workstream or initiative.</summary>
    Meeting,

    /// <summary>A decision taken in a meeting.</summary>
    Decision,

    /// <summary>An action item from a meeting.</summary>
    ActionItem,

    /// <summary>An input item in the feedback register.</summary>
    Input,

    /// <summary>An item on a meeting's agenda, linked by itself.</summary>
    AgendaItem,
}

/// <summary>What the linked items are asked for: a workstream, initiatives, or both (items linked to any of them).</summary>
/// <param name="WorkstreamId">The workstream, or null.</param>
/// <param name="InitiativeIds">The initiatives; empty for none.</param>
public sealed record LinkTarget(Guid? WorkstreamId, IReadOnlyCollection<Guid> InitiativeIds);

/// <summary>One item another module links to a workstream or an initiative, as a page lists it.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">Its id in the owning module.</param>
/// <param name="Title">Its title or text (plain text; pages encode it).</param>
/// <param name="Link">Path of the page that shows it.</param>
/// <param name="At">When it happened or is due (meetings and their agenda items: the start; decisions: when taken; action items: the due date; input: when received).</param>
/// <param name="Detail">A short second line (the meeting's title, the owner, the status), or null.</param>
public sealed record LinkedItem(LinkedKind Kind, Guid Id, string Title, string Link, DateTimeOffset At, LocalizedText? Detail);

/// <summary>
/// A module's items linked to workstreams and initiatives (meetings, decisions, action items, input), for the pages
/// of the module that owns those (issue 16). Found by the host's Scrutor scan. Each source returns only what
/// <c>user</c> may read.
/// </summary>
public interface ILinkedItemsSource
{
    /// <summary>The items linked to <paramref name="target"/> that <paramref name="user"/> may read, newest first, at most <paramref name="limit"/> of each kind.</summary>
    Task<IReadOnlyList<LinkedItem>> GetLinkedAsync(LinkTarget target, ClaimsPrincipal user, int limit, CancellationToken cancellationToken);
}
