using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Samordning.Notifications.Data;
using Samordning.Notifications.Rules;
using Samordning.Shared.History;

namespace Samordning.Notifications.Pages.Varsler.Paminnelsesregler;

[Authorize(Policy = Policies.Coordinator)]
internal sealed class HistorikkModel(NotificationsDbContext db, ReminderPolicies policies) : HistoryPageModel
{
    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken) =>
        Show(await ReminderPolicyHistory.HandleAsync(db, policies, kind, cancellationToken));
}
