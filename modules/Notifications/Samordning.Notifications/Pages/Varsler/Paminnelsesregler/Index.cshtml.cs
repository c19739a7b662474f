using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Notifications.Rules;

namespace Samordning.Notifications.Pages.Varsler.Paminnelsesregler;

// Every kind of deadline and the reminder policy it follows now: stored by a coordinator, or configured.
[Authorize(Policy = Policies.Coordinator)]
internal sealed class IndexModel(ReminderPolicies policies) : PageModel
{
    public IReadOnlyList<ReminderPolicyView> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Kinds = await policies.ListAsync(cancellationToken);
}
