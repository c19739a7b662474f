using Microsoft.AspNetCore.Mvc;

namespace Samordning.Host.Web;

// An API endpoint that a browser navigated to (an export link) and that answers with ProblemDetails: the person
// would see raw JSON. For such a request the problem is kept for the error page and the endpoint answers with the
// status alone, which the pages' status-code handling turns into the error page in the person's language
// (ErrorHandling). API clients still get the ProblemDetails as they were.
internal sealed class BrowserErrorPages : IEndpointFilter
{
    public const string ProblemKey = "Samordning.BrowserProblem";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);

        // Endpoints declare their answers as a union (Results<Ok<T>, ProblemHttpResult>); the answer is inside.
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is IStatusCodeHttpResult { StatusCode: >= 400 } failed
            && answer is IValueHttpResult { Value: ProblemDetails problem }
            && RequestKinds.IsApi(context.HttpContext.Request)
            && RequestKinds.IsBrowserNavigation(context.HttpContext.Request))
        {
            context.HttpContext.Items[ProblemKey] = problem;
            return TypedResults.StatusCode(failed.StatusCode!.Value);
        }

        return result;
    }

    // What the failed call said (a validation message, why access was refused), for the error page to show.
    public static string? DetailFor(HttpContext context)
    {
        if (context.Items[ProblemKey] is not ProblemDetails problem)
        {
            return null;
        }

        var errors = problem is HttpValidationProblemDetails validation ? validation.Errors.SelectMany(e => e.Value) : [];
        var parts = new[] { problem.Detail }.Concat(errors).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
