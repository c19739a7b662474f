using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Live;
using Samordning.Shared.Text;
using Samordning.Shared.Web;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Runder;

internal sealed class DetaljerModel(InitiativeServices deps, ILiveUpdates live) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    // A ministry whose unconfirmed initiatives the page lists for everyone who follows the round (?departement=).
    [BindProperty(SupportsGet = true, Name = "departement")]
    public Guid? ShownMinistryId { get; set; }

    public RoundProgress? Round { get; private set; }

    public MinistryRoundStatus? ShownMinistry { get; private set; }

    public IReadOnlyList<UnconfirmedInitiative> ShownUnconfirmed { get; private set; } = [];

    public MinistryRoundStatus? MyMinistry { get; private set; }

    public IReadOnlyList<UnconfirmedInitiative> Unconfirmed { get; private set; } = [];

    public string? Message { get; private set; }

    public long LastSequence { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(Guid initiativeId, CancellationToken cancellationToken)
    {
        var outcome = await RoundAnswers.ConfirmAsync(deps, Id, initiativeId, null, cancellationToken);
        return await AfterAsync(outcome.Kind, outcome.Errors, Localized.T("Tiltaket er bekreftet.", "The initiative is confirmed."), cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid ministryId, CancellationToken cancellationToken)
    {
        var outcome = await RoundAnswers.SubmitAsync(deps, Id, ministryId, cancellationToken);
        return await AfterAsync(outcome.Kind, outcome.Errors, Localized.T("Svaret er sendt inn. Takk!", "The answer is submitted. Thank you!"), cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Coordinator))
        {
            return Forbid();
        }

        var outcome = await RoundEndpoints.CloseAsync(deps.Db, deps.Directory, deps.Clock, deps.Outbox, Id, cancellationToken);
        return await AfterAsync(outcome.Kind, outcome.Errors, Localized.T("Runden er avsluttet.", "The round is closed."), cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(OutcomeKind kind, FieldErrors? errors, string message, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Invalid:
                ModelState.AddFieldErrors(errors!, "Round");
                break;
            default:
                Message = message;
                break;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        // The rounds topic's sequence first, then the round (LiveSnapshot): the page follows the topic from there.
        LastSequence = await live.GetLastSequenceAsync(InitiativeLive.RoundsTopic, cancellationToken);
        Round = await RoundEndpoints.GetAsync(deps.Db, deps.Directory, Id, cancellationToken);
        if (Round is null)
        {
            return false;
        }

        if (User.IsInRole(Roles.ContactPerson) && User.MinistryId() is { } ministryId)
        {
            MyMinistry = Round.Ministries.FirstOrDefault(m => m.MinistryId == ministryId);
            Unconfirmed = await RoundAnswers.UnconfirmedAsync(deps.Db, Id, ministryId, cancellationToken);
        }

        if (ShownMinistryId is { } shown && Round.Ministries.FirstOrDefault(m => m.MinistryId == shown) is { } ministry)
        {
            ShownMinistry = ministry;
            ShownUnconfirmed = await RoundAnswers.UnconfirmedAsync(deps.Db, Id, shown, cancellationToken);
        }

        return true;
    }
}
