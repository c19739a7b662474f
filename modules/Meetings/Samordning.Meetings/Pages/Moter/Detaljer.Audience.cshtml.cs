using Microsoft.AspNetCore.Mvc;
using Samordning.Meetings.Data;
using Samordning.Meetings.Polls;
using Samordning.Meetings.Questions;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class QuestionForm
{
    public string? Text { get; set; }
    public bool Anonymous { get; set; }
}

internal sealed class PollForm
{
    public string? Question { get; set; }

    // One option a line: a form without script cannot add fields, and a text area holds 2 to 10 lines as well.
    public string? Options { get; set; }
    public bool MultipleChoice { get; set; }

    public PollRequest ToRequest() => new(Question, [.. (Options ?? "").Split('\n').Select(o => o.Trim())], MultipleChoice);
}

// The meeting page's questions and polls: plain form posts (the API's use cases), kept current by live-fragment.js
// from the meeting's topic.
internal sealed partial class DetaljerModel
{
    [BindProperty]
    public QuestionForm Question { get; set; } = new();

    [BindProperty]
    public PollForm Poll { get; set; } = new();

    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    public IReadOnlyList<PollView> Polls { get; private set; } = [];

    // The questions the signed-in person has upvoted: their upvote button shows as pressed.
    public IReadOnlySet<Guid> Upvoted { get; private set; } = new HashSet<Guid>();

    // Asking and voting (MeetingAccess.CanTakePart, in a live meeting); leading (a facilitator, in a live meeting).
    public bool CanTakePart { get; private set; }

    public bool CanLead { get; private set; }

    public async Task<IActionResult> OnPostAskAsync(CancellationToken cancellationToken) =>
        await AnswerAsync(await QuestionEndpoints.AskAsync(deps, Id, new QuestionRequest(Question.Text, Question.Anonymous), cancellationToken), "Question", cancellationToken);

    public async Task<IActionResult> OnPostUpvoteAsync(Guid questionId, CancellationToken cancellationToken) =>
        await AnswerAsync(await QuestionEndpoints.UpvoteAsync(deps, Id, questionId, cancellationToken), "Question", cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(Guid questionId, string? answer, CancellationToken cancellationToken) =>
        await AnswerAsync(await QuestionEndpoints.AnswerAsync(deps, Id, questionId, new AnswerRequest(answer), cancellationToken), "Answer", cancellationToken);

    public async Task<IActionResult> OnPostHideAsync(Guid questionId, CancellationToken cancellationToken) =>
        await AnswerAsync(await QuestionEndpoints.HideAsync(deps, Id, questionId, cancellationToken), "Question", cancellationToken);

    public async Task<IActionResult> OnPostPollAsync(CancellationToken cancellationToken) =>
        await AnswerAsync(await PollEndpoints.CreateAsync(deps, Id, Poll.ToRequest(), cancellationToken), "Poll", cancellationToken);

    public async Task<IActionResult> OnPostPollStatusAsync(Guid pollId, PollStatus status, CancellationToken cancellationToken) =>
        await AnswerAsync(await PollEndpoints.SetStatusAsync(deps, Id, pollId, status, cancellationToken), "PollStatus", cancellationToken);

    public async Task<IActionResult> OnPostVoteAsync(Guid pollId, List<Guid> optionIds, CancellationToken cancellationToken) =>
        await AnswerAsync(await PollEndpoints.VoteAsync(deps, Id, pollId, new VoteRequest(optionIds), cancellationToken), "Vote", cancellationToken);

    private async Task<IActionResult> AnswerAsync<T>(AudienceOutcome<T> result, string prefix, CancellationToken cancellationToken)
    {
        if (result.Refusal is { } refusal)
        {
            // A refusal (403) or a second vote (409): said on the page, which shows the current state.
            Problem = refusal;
            Response.StatusCode = result.Outcome.Kind == Shared.Http.OutcomeKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            return await LoadAsync(cancellationToken) ?? Page();
        }

        if (Shared.Web.PageOutcomes.Answer(this, result.Outcome, _ => Redirect($"/moter/{Id}#sporsmal"), prefix: prefix) is { } answered)
        {
            return answered;
        }

        if (prefix is not ("Question" or "Poll") && result.Outcome.Errors is { } errors)
        {
            Problem = string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value));
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task LoadAudienceAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        Questions = await QuestionEndpoints.QuestionsOfAsync(deps.Db, Id, cancellationToken);
        Upvoted = await QuestionEndpoints.UpvotedAsync(deps, Questions, cancellationToken);
        CanLead = AudienceRules.FacilitatorRefusal(User, meeting) is null;
        CanTakePart = AudienceRules.ParticipantRefusal(User, meeting) is null;
        Polls = await PollEndpoints.PollsOfAsync(deps.Db, Id, Meetings.MeetingAccess.CanWrite(User, meeting), cancellationToken);
    }
}
