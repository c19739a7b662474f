using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Samordning.Shared.Persistence;

/// <summary>
/// How SQLite keeps an instant: EF Core's binary form (clock ticks and offset in one integer) of the instant in UTC.
/// The binary form orders by the clock time of its own offset, so two instants stored with different offsets
/// compared wrongly: "from 7 December" (midnight +01:00) missed a note written at 23:30 UTC on the 6th, which is
/// 00:30 in Oslo on the 7th. With every value at offset 0, the integers order as the instants do.
/// </summary>
public static class SqliteInstants
{
    private const long OffsetBits = 0x7FF;
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    /// <summary>The stored integer of an instant (UTC).</summary>
    public static long ToStored(DateTimeOffset instant) => Binary.ConvertToProviderTyped(instant.ToUniversalTime());

    /// <summary>The instant of a stored integer (in UTC when written by this version).</summary>
    public static DateTimeOffset FromStored(long stored) => Binary.ConvertFromProviderTyped(stored);

    /// <summary>
    /// Once per store: rewrites the instants an earlier version stored with an Oslo offset as the same instants in
    /// UTC (ticks minus the offset's minutes, offset bits cleared), in one transaction, then marks the store done,
    /// so later starts scan nothing.
    /// </summary>
    public static async Task NormaliseOnceAsync(DbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var marker = context.GetType().Name;
        await context.Database.ExecuteSqlRawAsync("""CREATE TABLE IF NOT EXISTS "__InstantsInUtc" ("Context" TEXT NOT NULL PRIMARY KEY);""", cancellationToken);
        var done = await context.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM "__InstantsInUtc" WHERE "Context" = {0}""", marker).SingleAsync(cancellationToken);
        if (done > 0)
        {
            return;
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (table, column) in InstantColumns(context.Model))
        {
            // The low 11 bits are the offset in minutes, two's complement; the rest is clock ticks / 1,000.
            var offset = $"""(("{column}" & {OffsetBits}) - CASE WHEN ("{column}" & {OffsetBits}) >= 1024 THEN 2048 ELSE 0 END)""";
#pragma warning disable EF1002 // the names come from the model, not from input
            await context.Database.ExecuteSqlRawAsync(
                $"""UPDATE "{table}" SET "{column}" = ((("{column}" >> 11) - {offset} * {TimeSpan.TicksPerMinute / 1000}) << 11) WHERE "{column}" & {OffsetBits} <> 0;""",
                cancellationToken);
#pragma warning restore EF1002
        }

        await context.Database.ExecuteSqlRawAsync("""INSERT INTO "__InstantsInUtc" ("Context") VALUES ({0});""", [marker], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static IEnumerable<(string Table, string Column)> InstantColumns(IModel model) =>
        model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null && !e.IsMappedToJson())
            .SelectMany(e =>
            {
                var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
                return e.GetProperties()
                    .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(DateTimeOffset))
                    .Select(p => (Table: table.Name, Column: p.GetColumnName(table)))
                    .Where(c => c.Column is not null)
                    .Select(c => (c.Table, c.Column!));
            })
            .Distinct();
}

/// <summary>Stores an instant as <see cref="SqliteInstants"/> describes.</summary>
internal sealed class SqliteInstantConverter() : ValueConverter<DateTimeOffset, long>(v => SqliteInstants.ToStored(v), v => SqliteInstants.FromStored(v));
