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

    // The page of the contact person's own list (?side=) and of the shown ministry's (?departementsside=), as asked;
    // no page number is the first page, one past the end the last.
    [BindProperty(SupportsGet = true, Name = MyPageParameter)]
    public string? MyPage { get; set; }

    [BindProperty(SupportsGet = true, Name = ShownPageParameter)]
    public string? ShownPage { get; set; }

    public const string MyPageParameter = "side";
    public const string ShownPageParameter = "departementsside";

    public MinistryRoundStatus? ShownMinistry { get; private set; }

    public UnconfirmedPage? ShownUnconfirmed { get; private set; }

    public MinistryRoundStatus? MyMinistry { get; private set; }

    public UnconfirmedPage? Unconfirmed { get; private set; }

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
            Unconfirmed = await PageAsync(ministryId, MyPage, cancellationToken);
        }

        if (ShownMinistryId is { } shown && Round.Ministries.FirstOrDefault(m => m.MinistryId == shown) is { } ministry)
        {
            ShownMinistry = ministry;
            ShownUnconfirmed = await PageAsync(shown, ShownPage, cancellationToken);
        }

        return true;
    }

    // A page link is typed or kept from before a confirmation (which shortens the list): the page rather than an error.
    private async Task<UnconfirmedPage> PageAsync(Guid ministryId, string? asked, CancellationToken cancellationToken)
    {
        var (paging, errors) = UnconfirmedPaging.Parse(asked, null);
        var page = await RoundAnswers.UnconfirmedPageAsync(deps.Db, Id, ministryId, errors.Any ? UnconfirmedPaging.First : paging, cancellationToken);
        var last = DsPaginationTagHelper.PageCount(page.Total, page.PageSize);
        return page.Page <= last
            ? page
            : await RoundAnswers.UnconfirmedPageAsync(deps.Db, Id, ministryId, new UnconfirmedPaging(last, page.PageSize), cancellationToken);
    }
}
