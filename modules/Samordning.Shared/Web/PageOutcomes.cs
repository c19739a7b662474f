using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Http;

namespace Samordning.Shared.Web;

/// <summary>How a page answers a use case's outcome, the same way on every form.</summary>
public static class PageOutcomes
{
    /// <summary>
    /// Done: the result of <paramref name="onOk"/> (usually a redirect). Not found, forbidden: 404, 403.
    /// Invalid: the field errors go beside the fields and null is returned, so the page renders again with the
    /// person's input. Conflict: <paramref name="onConflict"/> gets the saved state, the form's version moves on
    /// (a second save is then a deliberate overwrite), and null is returned.
    /// </summary>
    public static IActionResult? Answer<T>(this PageModel page, Outcome<T> outcome, Func<T, IActionResult> onOk, Action<T>? onConflict = null, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(onOk);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return onOk(outcome.Value!);
            case OutcomeKind.NotFound:
                return page.NotFound();
            case OutcomeKind.Forbidden:
                return page.Forbid();
            case OutcomeKind.Conflict:
                page.ModelState.Remove($"{prefix}.Version");
                onConflict?.Invoke(outcome.Value!);
                return null;
            default:
                page.ModelState.ReplaceWithFieldErrors(outcome.Errors!, prefix);
                return null;
        }
    }
}
