using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Samordning.Shared.Text;
using Samordning.Shared.Validation;

namespace Samordning.Shared.Http;

/// <summary>The ProblemDetails every module returns for the common failures, in the user's language.</summary>
public static class Problems
{
    /// <summary>400 with every field's errors.</summary>
    public static ValidationProblem Validation(FieldErrors errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(),
            title: Localized.T("Noen felt må rettes.", "Some fields need correcting."));

    /// <summary>409 with the current state, so the client can show it and let the person merge.</summary>
    public static ProblemHttpResult Conflict(object current) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: Localized.T(
                "Noen andre har endret dette i mellomtiden.",
                "Someone else has changed this in the meantime."),
            detail: Localized.T(
                "Endringen din er ikke lagret. Se gjeldende versjon, og prøv igjen.",
                "Your change was not saved. Look at the current version and try again."),
            extensions: new Dictionary<string, object?> { ["current"] = current });

    /// <summary>403 for a person who is signed in but may not do this to this resource.</summary>
    public static ProblemHttpResult Forbidden(LocalizedText? detail = null) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: Localized.T("Du har ikke tilgang til dette.", "You do not have access to this."),
            detail: detail?.ToString());

    /// <summary>404 with a readable title.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: Localized.T("Fant ikke det du ba om.", "What you asked for was not found."));
}
