using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Data;

// How the product's SQLite stores values, for code that reads or writes its files with bare ADO.NET:
// EF Core's SQLite provider keeps a Guid as upper-case text, and the module DbContexts keep a DateTimeOffset as
// EF Core's binary form of the instant in UTC (SqliteInstants), so that SQLite can order and compare it.
internal static class SqliteValues
{
    public const string NoWorkstream = "00000000-0000-0000-0000-000000000000";

    public const string AllWorkstreams = "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF";

    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    public static long Instant(DateTimeOffset value) => SqliteInstants.ToStored(value);

    public static DateTimeOffset Instant(long value) => SqliteInstants.FromStored(value);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
