using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Pages.Innspillsregister;

internal sealed record WorkstreamExport(WorkstreamInfo Workstream, int Items);

// The chapter writers' way to the Word export: every workstream by name, with how much input the person may see.
internal sealed class ArbeidsstrommerModel(FeedbackDbContext db, IWorkstreamDirectory workstreams) : PageModel
{
    public IReadOnlyList<WorkstreamExport> Exports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanRead(User))
        {
            return Forbid();
        }

        var counts = await db.Items.AsNoTracking().Visible(User)
            .SelectMany(i => i.Workstreams)
            .GroupBy(w => w.WorkstreamId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Exports = [.. (await workstreams.GetWorkstreamsAsync(cancellationToken)).Select(w => new WorkstreamExport(w, counts.GetValueOrDefault(w.Id)))];
        return Page();
    }
}
