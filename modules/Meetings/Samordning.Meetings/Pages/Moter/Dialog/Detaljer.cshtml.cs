using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Dialogue;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Text;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Moter.Dialog;

// One dialogue as the coordinators run it: publish it, offer slots, follow the bookings, log what was said in each
// one-to-one and publish it to all, answer questions. Each form posts to its own handler, which calls the use case
// the API calls; a form with errors shows them beside its own fields.
internal sealed class DetaljerModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public SlotForm Slot { get; set; } = new();

    public DialogueAdminView View { get; private set; } = null!;

    // Which item's form failed, so its errors show beside it and not beside every item's form.
    public Guid? FailedItem { get; private set; }

    public Dictionary<string, string> FailedValues { get; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool lagret, CancellationToken cancellationToken)
    {
        Message = lagret ? Localized.T("Lagret.", "Saved.") : null;
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(bool published, long version, CancellationToken cancellationToken)
    {
        var current = await ManageDialogues.GetAsync(deps, Id, cancellationToken);
        if (current.Kind != OutcomeKind.Ok)
        {
            return this.Answer(current, _ => Page())!;
        }

        var d = current.Value!.Dialogue;
        var outcome = await ManageDialogues.UpdateAsync(deps, Id, new(d.Title, d.Description, d.Terms, d.RegistrationDeadline, d.MaxSlotsPerSupplier, published, version), cancellationToken);
        return this.Answer(outcome, _ => Done(), _ => Message = Localized.T("Noen andre endret dialogen i mellomtiden. Se hvordan den er nå, og prøv igjen.", "Someone else changed the dialogue in the meantime. See how it is now and try again."))
            ?? await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSlotAsync(CancellationToken cancellationToken)
    {
        var outcome = await DialogueSlots.AddAsync(deps, Id, Slot.ToRequest(), cancellationToken);
        if (this.Answer(outcome, _ => Done("#tider"), prefix: nameof(Slot)) is { } answered)
        {
            return answered;
        }

        if (outcome.Errors?.ToDictionary().GetValueOrDefault(nameof(SlotRequest.StartsAt)) is { } messages)
        {
            ModelState.Remove("Slot.StartsAt");
            ModelState.AddModelError("Slot.Date", string.Join(" ", messages));
        }

        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostHeldAsync(Guid slotId, bool held, CancellationToken cancellationToken) =>
        this.Answer(await DialogueSlots.MarkHeldAsync(deps, Id, slotId, held, cancellationToken), _ => Done("#tider")) ?? await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(Guid slotId, CancellationToken cancellationToken)
    {
        var result = await DialogueSlots.CancelAsync(deps, Id, slotId, null, cancellationToken);
        if (result.Outcome.Kind == OutcomeKind.Conflict)
        {
            Message = result.Refusal?.ToString();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await LoadAsync(cancellationToken);
        }

        return this.Answer(result.Outcome, _ => Done("#tider"))!;
    }

    public async Task<IActionResult> OnPostInformationAsync(Guid slotId, string? text, string? documentReference, CancellationToken cancellationToken)
    {
        var outcome = await InformationLog.RecordAsync(deps, Id, slotId, new(text, documentReference), cancellationToken);
        return await ItemAnswerAsync(outcome, slotId, new() { ["text"] = text ?? "", ["documentReference"] = documentReference ?? "" }, "#informasjon", cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishInformationAsync(Guid informationId, CancellationToken cancellationToken) =>
        this.Answer(await InformationLog.PublishAsync(deps, Id, informationId, new(null), cancellationToken), _ => Done("#informasjon"))
            ?? await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(Guid questionId, string? answer, bool publish, long version, CancellationToken cancellationToken)
    {
        var outcome = await InformationLog.AnswerAsync(deps, Id, questionId, new(answer, publish, version), cancellationToken);
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            FailedItem = questionId;
            FailedValues["answer"] = answer ?? "";
            Message = Localized.T("Noen andre endret svaret i mellomtiden. Ditt forslag står i feltet; lagre igjen for å bruke det.", "Someone else changed the answer in the meantime. Your text is in the field; save again to use it.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await LoadAsync(cancellationToken);
        }

        return await ItemAnswerAsync(outcome, questionId, new() { ["answer"] = answer ?? "" }, "#sporsmal", cancellationToken);
    }

    public List<string> ErrorsFor(Guid item, string field) =>
        FailedItem == item && ViewData.ModelState.TryGetValue($"Item.{field}", out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    public string? ValueFor(Guid item, string field) => FailedItem == item ? FailedValues.GetValueOrDefault(field) : null;

    private async Task<IActionResult> ItemAnswerAsync<T>(Outcome<T> outcome, Guid item, Dictionary<string, string> values, string fragment, CancellationToken cancellationToken)
    {
        if (this.Answer(outcome, _ => Done(fragment), prefix: "Item") is { } answered)
        {
            return answered;
        }

        FailedItem = item;
        foreach (var (key, value) in values)
        {
            FailedValues[key] = value;
        }

        return await LoadAsync(cancellationToken);
    }

    private RedirectResult Done(string fragment = "") => Redirect($"/moter/dialoger/{Id}?lagret=true{fragment}");

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await ManageDialogues.GetAsync(deps, Id, cancellationToken);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return this.Answer(outcome, _ => Page())!;
        }

        View = outcome.Value!;
        if (Request.Method == HttpMethods.Get && Slot.Date is null)
        {
            Slot.Date = DialogueTexts.Today(deps.Clock).AddDays(7);
            Slot.StartTime = new(10, 0);
        }

        return Page();
    }
}
