using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Samordning.Shared.Persistence;

/// <summary>
/// Tells a unique-key violation apart from other failed saves on every provider the app runs on, so a module can
/// let a unique index decide who wins (a claim, an idempotency key) without knowing the provider's error numbers.
/// </summary>
public static class UniqueViolation
{
    // The providers report the violation only by number: SQLite as a constraint failure (19) whose extended code is
    // UNIQUE (2067) or PRIMARY KEY (1555); SQL Server as 2601 (unique index) or 2627 (unique constraint);
    // PostgreSQL as SQLSTATE 23505. None of EF Core, ADO.NET or the providers offers a portable test for it.
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerDuplicateKeyInIndex = 2601;
    private const int SqlServerDuplicateKeyInConstraint = 2627;

    /// <summary>True when the save failed because a row with the same unique key is already stored.</summary>
    public static bool Is(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return IsProviderError(exception.InnerException);
    }

    /// <summary>True when the provider's own exception (as raised by a command outside SaveChanges) is a unique-key violation.</summary>
    public static bool IsProviderError(Exception? exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException sql => sql.Number is SqlServerDuplicateKeyInIndex or SqlServerDuplicateKeyInConstraint,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
