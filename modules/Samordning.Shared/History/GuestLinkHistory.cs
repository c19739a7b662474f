using Samordning.Shared.Persistence;
using Samordning.Shared.Security;
using Samordning.Shared.Text;

namespace Samordning.Shared.History;

/// <summary>
/// A record's guest links in its history (a meeting's, a round's): who made or revoked one, and when, among the
/// record's own changes. Only the link's terms are shown, never its token hash (nor the guest's name and address,
/// which the audit log does not keep); a redemption changes only the count of uses and is not shown.
/// </summary>
public static class GuestLinkHistory
{
    private static readonly Dictionary<string, HistoryField> Fields = new(StringComparer.Ordinal)
    {
        [nameof(GuestLinkRecord.MaxUses)] = new(new("Kan brukes av", "May be used by")),
        [nameof(GuestLinkRecord.ExpiresAt)] = new(new("Utløper", "Expires")),
        [nameof(GuestLinkRecord.RevokedAt)] = new(new("Trukket tilbake", "Revoked")),
    };

    /// <summary>The record's own history with its links' creations and revocations put in, newest first.</summary>
    public static async Task<IReadOnlyList<HistoryItem>> WithLinksAsync(
        ModuleDbContext db, IReadOnlyList<HistoryItem> record, string linkEntity, IQueryable<Guid> linkIds, CancellationToken cancellationToken)
    {
        var links = await RecordHistory.ReadAsync(db, linkEntity, linkIds, Fields, showPersonal: false, cancellationToken);
        // The audit log's ids are one sequence per store, so they order the record's and its links' entries together.
        return [.. record.Concat(links.Select(Named)).OrderByDescending(i => i.Id)];
    }

    private static HistoryItem Named(HistoryItem item) => item with
    {
        Action = item.Kind switch
        {
            "Created" => Localized.T("Gjestelenke opprettet", "Guest link created"),
            "Deleted" => Localized.T("Gjestelenke slettet", "Guest link deleted"),
            _ when item.Changes.Any(c => c.Field == nameof(GuestLinkRecord.RevokedAt)) => Localized.T("Gjestelenke trukket tilbake", "Guest link revoked"),
            _ => Localized.T("Gjestelenke endret", "Guest link changed"),
        },
    };
}
