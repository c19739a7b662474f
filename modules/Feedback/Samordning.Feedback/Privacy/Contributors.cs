using Samordning.Feedback.Data;
using Samordning.Notifications.Contracts;

namespace Samordning.Feedback.Privacy;

internal static class Contributors
{
    // What staff wrote about an item (its source, the assessment) keeps its words, not the contributor's name.
    public const string Removed = "[fjernet]";

    // Lower-cased, so a request for access or erasure finds the input however the address was typed.
    public static string? NormaliseEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    // The key the receipt for an item is queued under (SubmitInput), so anonymisation and erasure find it.
    public static string ReceiptKey(Guid itemId) => $"feedback.receipt:{itemId}";

    // The key the mail telling the contributor of KMD's response is queued under (RespondToItem): one per item, ever.
    public static string ResponseKey(Guid itemId) => $"feedback.response:{itemId}";

    // Removes the contributor's name and e-mail address (anonymisation; erasure removes the text too) from the
    // item and from every copy the system made: the receipt in the Notifications module, the item's audit entries
    // written before the properties were marked personal, and staff's own notes that quote them. The receipts go
    // first, through the Notifications contract, with the module's outbox rows that carry them to Notifications
    // (a receipt not yet delivered is never sent; one delivered but not yet cleared still holds the address): if the
    // save that follows fails, a second run finds the items again. The caller saves, so the item and its audit
    // entries change in one transaction.
    public static async Task ForgetAsync(FeedbackDbContext db, IMailErasure mail, IReadOnlyList<FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string[] receipts = [.. items.SelectMany(i => new[] { ReceiptKey(i.Id), ResponseKey(i.Id) })];
        foreach (var receipt in receipts)
        {
            await db.ExecuteWriteAsync(ct => db.OutboxMessages.Where(m => m.Payload.Contains(receipt)).ExecuteDeleteAsync(ct), cancellationToken);
        }

        await mail.EraseAsync(receipts, cancellationToken);
        await AuditLog.ScrubAsync(db, [.. items.Select(i => i.Id)], cancellationToken);
        foreach (var item in items)
        {
            string?[] personal = [item.ContributorName, item.ContributorEmail];
            item.Source = Without(item.Source, personal)!;
            item.Assessment = Without(item.Assessment, personal);
            item.ContributorName = null;
            item.ContributorEmail = null;
            item.ConsentToPublishName = false;
            item.AnonymisedAt ??= now;
        }
    }

    private static string? Without(string? text, string?[] values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Aggregate(text, (t, v) => t?.Replace(v!, Removed, StringComparison.OrdinalIgnoreCase));
}
