using Samordning.Benchmarks.Data;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// Receipts answered against rows stored: every submission of the run carries the run's token prefix, so the rows it
// stored can be counted apart from everything else in the store. Exactly once means as many rows as receipts, every
// receipt distinct, and every row's reference one of the receipts (a post that failed after its row was written,
// or a row written twice, shows here).
internal sealed record ReceiptCount(long Receipts, long Distinct, long Stored, long StoredWithReceipt)
{
    public bool ExactlyOnce => Receipts > 0 && Distinct == Receipts && Stored == Receipts && StoredWithReceipt == Receipts;
}

internal static class WholeDayReceipts
{
    public static async Task<ReceiptCount> CountAsync(BenchDatabase database, WholeDayWork work, CancellationToken cancellationToken)
    {
        var receipts = work.Receipts.ToArray();
        await using var connection = await database.OpenAsync("feedback", cancellationToken);
        await using var command = await database.CommandAsync(connection, $"""
            SELECT COUNT(*), COUNT(CASE WHEN {database.InList("\"Reference\"", "@receipts")} THEN 1 END)
            FROM {database.Table("feedback", "Items")} WHERE "IdempotencyToken" LIKE @prefix || '%'
            """, cancellationToken, parameters: [("@receipts", database.List(receipts)), ("@prefix", work.TokenPrefix)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ReceiptCount(receipts.Length, receipts.Distinct(StringComparer.Ordinal).Count(), reader.GetInt64(0), reader.GetInt64(1));
    }
}
