using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Runder;

// What the one-click page can say: ready to confirm, or why not (each a page of its own, never an error page).
internal enum ConfirmPageState
{
    Ready,
    UnknownRound,
    UnknownInitiative,
    NotYours,
    Closed,
    AlreadyConfirmed,
    Confirmed,
}

// "Unchanged" for one initiative in one round, from the link in a reminder. The GET only shows what would be
// confirmed (mail scanners and link previews open links); the POST, with anti-forgery, confirms it through the
// round's own confirm (RoundAnswers.ConfirmAsync), so it is recorded, audited and live like any other.
internal sealed class BekreftModel(InitiativeServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid RoundId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid InitiativeId { get; set; }

    // The version the person saw: a change saved since is shown to them before they confirm it.
    [BindProperty]
    public long? Version { get; set; }

    public ConfirmPageState State { get; private set; }

    public ReportingRound? Round { get; private set; }

    public InitiativeDetails? Initiative { get; private set; }

    public RoundConfirmation? Confirmation { get; private set; }

    public bool ChangedSinceShown { get; private set; }

    public DateTimeOffset Now => deps.Clock.UtcNow;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (State != ConfirmPageState.Ready)
        {
            return Show();
        }

        var outcome = await RoundAnswers.ConfirmAsync(deps, RoundId, InitiativeId, null, cancellationToken, Version);
        deps.Db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok && State == ConfirmPageState.AlreadyConfirmed && Confirmation!.PersonId == deps.User.PersonId)
        {
            State = ConfirmPageState.Confirmed;
        }

        // Someone changed it between the page and the button: show the status as it is now, to confirm again.
        ChangedSinceShown = outcome.Kind == OutcomeKind.Conflict && State == ConfirmPageState.Ready;
        return Show();
    }

    private PageResult Show()
    {
        var page = Page();
        page.StatusCode = State switch
        {
            ConfirmPageState.UnknownRound or ConfirmPageState.UnknownInitiative => StatusCodes.Status404NotFound,
            ConfirmPageState.NotYours => StatusCodes.Status403Forbidden,
            ConfirmPageState.Closed => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        return page;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Round = await deps.Db.ReportingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == RoundId, cancellationToken);
        var initiative = await deps.Db.Initiatives.AsNoTracking().WithChildren().FirstOrDefaultAsync(i => i.Id == InitiativeId, cancellationToken);
        Initiative = initiative is null ? null : InitiativeDetails.From(initiative);
        Confirmation = await deps.Db.RoundConfirmations.AsNoTracking()
            .FirstOrDefaultAsync(c => c.RoundId == RoundId && c.InitiativeId == InitiativeId, cancellationToken);
        State = Round is null ? ConfirmPageState.UnknownRound
            : initiative is null ? ConfirmPageState.UnknownInitiative
            : !InitiativeAccess.CanEdit(User, initiative) ? ConfirmPageState.NotYours
            : Confirmation is not null ? ConfirmPageState.AlreadyConfirmed
            : Round.ClosedAt is not null ? ConfirmPageState.Closed
            : ConfirmPageState.Ready;
    }
}
