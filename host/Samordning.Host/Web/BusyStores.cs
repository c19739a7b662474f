using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Samordning.Shared.Text;

namespace Samordning.Host.Web;

// A store that is busy for now (SQLite still locked by another writer after the busy timeout, a SQL Server lock
// timeout, deadlock or command timeout, a database server that is down or restarting, any provider's transient
// error) is not a fault in the request: it is answered 503 with Retry-After, so a caller tries again later rather
// than taking a 500 for a bug. The status is chosen by ErrorHandling's status selector; this handler adds the
// header and leaves the API's body to the ProblemDetails writer. People get a page of its own, in their language:
// the error page's layout and sign-in read the stores (the registry, the unread badge), so with the database
// down it could not be shown, and the fault would surface as a 500 after all.
internal sealed class BusyStoreExceptionHandler : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    // Letters as they are (æ, ø, å), markup escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!BusyStores.IsBusy(exception))
        {
            return false;
        }

        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (RequestKinds.WantsProblemDetails(httpContext.Request))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(BusyPage(httpContext), cancellationToken);
        return true;
    }

    // Nothing in it reads a store: the texts, the trace reference and a link to the same address.
    private static string BusyPage(HttpContext httpContext)
    {
        var html = Html;
        var title = html.Encode(ErrorHandling.TitleFor(StatusCodes.Status503ServiceUnavailable));
        var again = html.Encode(httpContext.Request.PathBase + httpContext.Request.Path + httpContext.Request.QueryString);
        return $"""
            <!DOCTYPE html>
            <html lang="{Localized.Language}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title} – Samordning</title></head>
            <body><main>
            <h1>{title}</h1>
            <p>{html.Encode(Localized.T("Feilkode", "Error code"))}: 503</p>
            <p>{html.Encode(Localized.T("Referanse", "Reference"))}: <code>{html.Encode(Observability.TraceReference.Of(httpContext))}</code></p>
            <p><a href="{again}">{html.Encode(Localized.T("Prøv igjen", "Try again"))}</a></p>
            </main></body>
            </html>
            """;
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
