using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Http;
using Samordning.Shared.Web;

namespace Samordning.Shared.History;

/// <summary>
/// The page model every module's history page derives from: the module's handler decides who may read the record
/// (403, 404), and the page shows the view with the shared partial <c>_History</c>.
/// </summary>
public abstract class HistoryPageModel : PageModel
{
    /// <summary>The history shown, once the handler allowed it.</summary>
    public HistoryView? History { get; private set; }

    /// <summary>The page for the handler's outcome: the history, or 404 or 403.</summary>
    protected IActionResult Show(Outcome<HistoryView> outcome) =>
        this.Answer(outcome, history =>
        {
            History = history;
            return Page();
        }) ?? Page();
}
