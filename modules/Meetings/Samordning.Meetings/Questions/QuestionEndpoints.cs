using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Questions;

// Questions from the participants of a live meeting: asked, upvoted (once a person), answered or hidden by a
// facilitator. Each change is stored with its live item, so followers get it in order and catch up by sequence.
internal sealed class QuestionEndpoints : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/{id:guid}/questions", async Task<Results<Ok<IReadOnlyList<QuestionView>>, ProblemHttpResult>> (Guid id, MeetingServices deps, CancellationToken ct) =>
                await ListAsync(deps, id, ct) is { } questions ? TypedResults.Ok(questions) : Problems.NotFound())
            .WithMetadata(new AllowGuestsAttribute())
            .WithTags("Meeting questions")
            .WithSummary("The meeting's questions, most votes first; anonymous ones without the asker's name, hidden ones left out.");

        api.MapPost("/meetings/{id:guid}/questions", async (Guid id, QuestionRequest request, MeetingServices deps, CancellationToken ct) =>
                (await AskAsync(deps, id, request, ct)).ToCreated(q => $"/api/meetings/{q.MeetingId}/questions/{q.Id}"))
            .WithMetadata(new AllowGuestsAttribute())
            .WithTags("Meeting questions")
            .WithSummary("Asks a question in a live meeting one takes part in; anonymous hides the name from everyone (it is stored for the audit trail).");

        api.MapPost("/meetings/{id:guid}/questions/{questionId:guid}/upvote", async (Guid id, Guid questionId, MeetingServices deps, CancellationToken ct) =>
                (await UpvoteAsync(deps, id, questionId, ct)).ToOk())
            .WithMetadata(new AllowGuestsAttribute())
            .WithTags("Meeting questions")
            .WithSummary("Upvotes a question. Once a person: a second upvote changes nothing and answers with the question as it is.");

        api.MapPost("/meetings/{id:guid}/questions/{questionId:guid}/answer", async (Guid id, Guid questionId, AnswerRequest request, MeetingServices deps, CancellationToken ct) =>
                (await AnswerAsync(deps, id, questionId, request, ct)).ToOk())
            .WithTags("Meeting questions")
            .WithSummary("Marks a question answered, with an answer text if given (the meeting's facilitators).");

        api.MapPost("/meetings/{id:guid}/questions/{questionId:guid}/hide", async (Guid id, Guid questionId, MeetingServices deps, CancellationToken ct) =>
                (await HideAsync(deps, id, questionId, ct)).ToOk())
            .WithTags("Meeting questions")
            .WithSummary("Hides an abusive question from everyone (the meeting's facilitators); it stays stored.");
    }

    // Null when the meeting does not exist or the person may not read it: the same answer, so ids do not leak.
    public static async Task<IReadOnlyList<QuestionView>?> ListAsync(MeetingServices deps, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await AudienceRules.LoadAsync(deps, meetingId, cancellationToken);
        return meeting is null || !MeetingAccess.CanRead(deps.User.Principal, meeting) ? null : await QuestionsOfAsync(deps.Db, meetingId, cancellationToken);
    }

    public static async Task<IReadOnlyList<QuestionView>> QuestionsOfAsync(MeetingsDbContext db, Guid meetingId, CancellationToken cancellationToken) =>
        QuestionView.Ordered((await db.Questions.AsNoTracking().Where(q => q.MeetingId == meetingId && !q.Hidden).ToListAsync(cancellationToken)).Select(QuestionView.From));

    // Which of these questions the signed-in person has upvoted (none for a person outside the registry).
    public static async Task<IReadOnlySet<Guid>> UpvotedAsync(MeetingServices deps, IReadOnlyList<QuestionView> questions, CancellationToken cancellationToken)
    {
        if (deps.User.PersonId is not { } personId || questions.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = questions.Select(q => q.Id).ToList();
        return (await deps.Db.QuestionVotes.AsNoTracking().Where(v => v.PersonId == personId && ids.Contains(v.QuestionId)).Select(v => v.QuestionId).ToListAsync(cancellationToken)).ToHashSet();
    }

    public static async Task<AudienceOutcome<QuestionView>> AskAsync(MeetingServices deps, Guid meetingId, QuestionRequest request, CancellationToken cancellationToken)
    {
        var meeting = await AudienceRules.LoadAsync(deps, meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(deps.User.Principal, meeting))
        {
            return AudienceOutcome<QuestionView>.NotFound();
        }

        if (AudienceRules.ParticipantRefusal(deps.User.Principal, meeting) is { } refusal)
        {
            return AudienceOutcome<QuestionView>.Refused(refusal);
        }

        if (request.Validate() is { Any: true } errors)
        {
            return Outcome.Invalid<QuestionView>(errors);
        }

        var question = new MeetingQuestion
        {
            MeetingId = meetingId,
            Text = request.Text!.Trim(),
            AskerPersonId = deps.User.Principal.ActorId()!.Value,
            AskerName = deps.User.DisplayName,
            Anonymous = request.Anonymous,
            CreatedAt = deps.Clock.UtcNow,
        };
        deps.Db.Questions.Add(question);
        Stage(deps, question);
        await deps.Db.SaveChangesAsync(cancellationToken);
        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return Outcome.Ok(QuestionView.From(question));
    }

    public static Task<AudienceOutcome<QuestionView>> UpvoteAsync(MeetingServices deps, Guid meetingId, Guid questionId, CancellationToken cancellationToken) =>
        ChangeAsync(deps, meetingId, questionId, facilitator: false, async question =>
        {
            var personId = deps.User.Principal.ActorId()!.Value;
            if (await deps.Db.QuestionVotes.AnyAsync(v => v.QuestionId == questionId && v.PersonId == personId, cancellationToken))
            {
                return false;
            }

            deps.Db.QuestionVotes.Add(new QuestionVote { QuestionId = questionId, PersonId = personId, At = deps.Clock.UtcNow });
            question.Votes++;
            return true;
        }, cancellationToken);

    public static async Task<AudienceOutcome<QuestionView>> AnswerAsync(MeetingServices deps, Guid meetingId, Guid questionId, AnswerRequest request, CancellationToken cancellationToken)
    {
        if (request.Validate() is { Any: true } errors)
        {
            return Outcome.Invalid<QuestionView>(errors);
        }

        return await ChangeAsync(deps, meetingId, questionId, facilitator: true, question =>
        {
            question.Answered = true;
            question.Answer = string.IsNullOrWhiteSpace(request.Answer) ? question.Answer : request.Answer.Trim();
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public static Task<AudienceOutcome<QuestionView>> HideAsync(MeetingServices deps, Guid meetingId, Guid questionId, CancellationToken cancellationToken) =>
        ChangeAsync(deps, meetingId, questionId, facilitator: true, question =>
        {
            question.Hidden = true;
            return Task.FromResult(true);
        }, cancellationToken);

    // Loads the question (of this meeting, not hidden) tracked, applies the change (false: nothing to save) and
    // saves it with its live item, starting over when another write to the question got in first.
    private static async Task<AudienceOutcome<QuestionView>> ChangeAsync(
        MeetingServices deps, Guid meetingId, Guid questionId, bool facilitator, Func<MeetingQuestion, Task<bool>> change, CancellationToken cancellationToken)
    {
        var meeting = await AudienceRules.LoadAsync(deps, meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(deps.User.Principal, meeting))
        {
            return AudienceOutcome<QuestionView>.NotFound();
        }

        var refusal = facilitator ? AudienceRules.FacilitatorRefusal(deps.User.Principal, meeting) : AudienceRules.ParticipantRefusal(deps.User.Principal, meeting);
        if (refusal is { } reason)
        {
            return AudienceOutcome<QuestionView>.Refused(reason);
        }

        for (var attempt = 0; attempt < AudienceSave.Attempts; attempt++)
        {
            var question = await deps.Db.Questions.FirstOrDefaultAsync(q => q.Id == questionId && q.MeetingId == meetingId && !q.Hidden, cancellationToken);
            if (question is null)
            {
                return AudienceOutcome<QuestionView>.NotFound();
            }

            if (!await change(question))
            {
                return Outcome.Ok(QuestionView.From(question));
            }

            Stage(deps, question);
            if (await AudienceSave.TrySaveAsync(deps, cancellationToken))
            {
                return Outcome.Ok(QuestionView.From(question));
            }
        }

        throw new InvalidOperationException($"Question {questionId} kept changing; gave up after {AudienceSave.Attempts} attempts.");
    }

    private static void Stage(MeetingServices deps, MeetingQuestion question) =>
        deps.Db.StageLive(MeetingLive.Topic(question.MeetingId), MeetingLive.QuestionType, () => QuestionView.From(question));
}
