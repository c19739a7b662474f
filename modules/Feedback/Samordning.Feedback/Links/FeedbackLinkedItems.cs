using System.Security.Claims;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Links;

namespace Samordning.Feedback.Links;

// The input linked to a workstream or initiatives, for the Workstreams module's pages (found by the host's scan as
// an ILinkedItemsSource). Only what the person may see in the register (FeedbackAccess), and no personal data: the
// reference and the organisation name stand for the item; its page shows the rest to whoever may read it.
internal sealed class FeedbackLinkedItems(FeedbackDbContext db) : ILinkedItemsSource
{
    public async Task<IReadOnlyList<LinkedItem>> GetLinkedAsync(LinkTarget target, ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var workstream = target.WorkstreamId;
        var initiatives = target.InitiativeIds.ToList();
        var items = await db.Items.AsNoTracking().Visible(user)
            .Where(i => (workstream != null && i.Workstreams.Any(w => w.WorkstreamId == workstream)) || i.Initiatives.Any(x => initiatives.Contains(x.InitiativeId)))
            .OrderByDescending(i => i.ReceivedAt).Take(limit)
            .Select(i => new { i.Id, i.Reference, i.OrganisationName, i.Status, i.ReceivedAt })
            .ToListAsync(cancellationToken);
        return
        [
            .. items.Select(i => new LinkedItem(
                LinkedKind.Input, i.Id, string.IsNullOrEmpty(i.OrganisationName) ? i.Reference : $"{i.Reference} – {i.OrganisationName}",
                $"/innspillsregister/{i.Id}", i.ReceivedAt, RoundTexts.StatusText(i.Status))),
        ];
    }
}
