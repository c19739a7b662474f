using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.People;
using Samordning.Shared.Web;

namespace Samordning.Ministries.Pages.Departementer.Personer;

[Authorize(Policy = Policies.ManageRegistry)]
internal sealed class EndreModel(MinistriesDbContext db, IOutbox outbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public PersonDetails? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var person = await GetPerson.HandleAsync(db, Id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Input = PersonForm.From(person);
        await FillOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await UpdatePerson.HandleAsync(db, outbox, Id, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, _ => Redirect("/departementer/personer"), current => (Current, Input.Version) = (current, current.Version)) is { } answered)
        {
            return answered;
        }

        await FillOptionsAsync(cancellationToken);
        return Page();
    }

    private async Task FillOptionsAsync(CancellationToken cancellationToken)
    {
        Input.Ministries = await SelectOptions.MinistriesAsync(db, allowNone: true, cancellationToken);
        Input.Agencies = await SelectOptions.AgenciesAsync(db, cancellationToken);
    }
}
