using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Samordning.Shared.Text;

namespace Samordning.Host.Web;

// A request the server cannot read (a malformed query value, broken JSON, a wrong content type, a body over the
// limit) is the client's mistake, not an incident: it is logged at Information, not as an unhandled "fail", and an
// API caller gets ProblemDetails that name the field. People's pages keep the readable error page. Handling the
// exception here (returning true) also keeps ExceptionHandlerMiddleware from recording it as an error (.NET 10).
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var field = FieldOf(bad);
        LogBadRequest(logger, bad.StatusCode, httpContext.Request.Method, httpContext.Request.Path, field ?? "-", bad.Message);
        if (!RequestKinds.WantsProblemDetails(httpContext.Request))
        {
            // The page branch re-executes /feil/{status}; its diagnostics are suppressed there (ErrorHandling).
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new HttpValidationProblemDetails { Status = bad.StatusCode, Title = ErrorHandling.TitleFor(bad.StatusCode) };
        if (field is not null)
        {
            var message = Localized.T($"Verdien for «{field}» er ugyldig eller mangler.", $"The value for '{field}' is not valid or is missing.");
            problem.Detail = message;
            problem.Errors[field] = [message];
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    // The field the request failed on: a JSON body names it in the reader's path ($.name, $.items[2].code); a
    // parameter bound from the route, query, header or form is named in the message of the request delegate
    // ("Failed to bind parameter "int page" from "abc"."), which is the only place ASP.NET Core gives it.
    internal static string? FieldOf(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 1 } path } && path.StartsWith("$.", StringComparison.Ordinal))
        {
            return path[2..];
        }

        var match = ParameterPattern().Match(exception.Message);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex("""parameter "(?:[^"]+ )?(?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: |$|\.)""", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request ({Status}) {Method} {Path}: field {Field}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string method, PathString path, string field, string reason);
}
