using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Samordning.Host.Web;

// A store that is busy for now (SQLite still locked by another writer after the busy timeout, a SQL Server lock
// timeout, deadlock or command timeout, any provider's transient error) is not a fault in the request: it is
// answered 503 with Retry-After, so a caller tries again later rather than taking a 500 for a bug. The status is
// chosen by ErrorHandling's status selector; this handler only adds the header, and leaves the body to the
// ProblemDetails writer (API) or the error page (people), both in the person's language.
internal sealed class BusyStoreExceptionHandler : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (BusyStores.IsBusy(exception))
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return ValueTask.FromResult(false);
    }
}

internal static class BusyStores
{
    // SQL Server: 1205 deadlock victim, 1222 lock request time-out, -2 command time-out.
    private static readonly int[] SqlServerBusy = [1205, 1222, -2];

    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var busy = e switch
            {
                SqliteException sqlite => sqlite.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED,
                SqlException sql => SqlServerBusy.Contains(sql.Number) || sql.IsTransient,
                DbException db => db.IsTransient,
                _ => false,
            };
            if (busy)
            {
                return true;
            }
        }

        return false;
    }
}
