using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Meetings.Questions;

namespace Samordning.Meetings.Polls;

// Quick polls in a live meeting: a facilitator makes one (a draft, seen by facilitators only), opens and closes it;
// participants vote once. Each opening, vote and closing is stored with its live item carrying the counts.
internal sealed class PollEndpoints : IEndpoint
{
    private static readonly Shared.Text.LocalizedText NotOpen = new("Avstemningen er ikke åpen.", "The poll is not open.");
    private static readonly Shared.Text.LocalizedText VotedAlready = new("Du har allerede stemt i denne avstemningen.", "You have already voted in this poll.");

    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/{id:guid}/polls", async Task<Results<Ok<IReadOnlyList<PollView>>, ProblemHttpResult>> (Guid id, MeetingServices deps, CancellationToken ct) =>
                await ListAsync(deps, id, ct) is { } polls ? TypedResults.Ok(polls) : Problems.NotFound())
            .WithMetadata(new AllowGuestsAttribute())
            .WithTags("Meeting polls")
            .WithSummary("The meeting's polls with their results, oldest first; drafts only for the facilitators.");

        api.MapPost("/meetings/{id:guid}/polls", async (Guid id, PollRequest request, MeetingServices deps, CancellationToken ct) =>
                (await CreateAsync(deps, id, request, ct)).ToCreated(p => $"/api/meetings/{p.MeetingId}/polls/{p.Id}"))
            .WithTags("Meeting polls")
            .WithSummary("Makes a poll as a draft: a question and 2 to 10 options, single or multiple choice (the meeting's facilitators).");

        api.MapPost("/meetings/{id:guid}/polls/{pollId:guid}/open", async (Guid id, Guid pollId, MeetingServices deps, CancellationToken ct) =>
                (await SetStatusAsync(deps, id, pollId, PollStatus.Open, ct)).ToOk())
            .WithTags("Meeting polls")
            .WithSummary("Opens a draft poll for votes (the meeting's facilitators).");

        api.MapPost("/meetings/{id:guid}/polls/{pollId:guid}/close", async (Guid id, Guid pollId, MeetingServices deps, CancellationToken ct) =>
                (await SetStatusAsync(deps, id, pollId, PollStatus.Closed, ct)).ToOk())
            .WithTags("Meeting polls")
            .WithSummary("Closes an open poll; its results go in the minutes (the meeting's facilitators).");

        api.MapPost("/meetings/{id:guid}/polls/{pollId:guid}/vote", async (Guid id, Guid pollId, VoteRequest request, MeetingServices deps, CancellationToken ct) =>
                (await VoteAsync(deps, id, pollId, request, ct)).ToOk())
            .WithMetadata(new AllowGuestsAttribute())
            .WithTags("Meeting polls")
            .WithSummary("Votes in an open poll: one option, or a set of options in a multiple-choice poll. Once a person, final: a second vote gets 409.");
    }

    public static async Task<IReadOnlyList<PollView>?> ListAsync(MeetingServices deps, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await AudienceRules.LoadAsync(deps, meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(deps.User.Principal, meeting))
        {
            return null;
        }

        var drafts = MeetingAccess.CanWrite(deps.User.Principal, meeting);
        return await PollsOfAsync(deps.Db, meetingId, drafts, cancellationToken);
    }

    public static async Task<IReadOnlyList<PollView>> PollsOfAsync(MeetingsDbContext db, Guid meetingId, bool drafts, CancellationToken cancellationToken)
    {
        var polls = await db.Polls.AsNoTracking().Include(p => p.Options)
            .Where(p => p.MeetingId == meetingId && (drafts || p.Status != PollStatus.Draft))
            .ToListAsync(cancellationToken);
        return [.. polls.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(PollView.From)];
    }

    public static async Task<AudienceOutcome<PollView>> CreateAsync(MeetingServices deps, Guid meetingId, PollRequest request, CancellationToken cancellationToken)
    {
        var meeting = await AudienceRules.LoadAsync(deps, meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(deps.User.Principal, meeting))
        {
            return AudienceOutcome<PollView>.NotFound();
        }

        if (AudienceRules.FacilitatorRefusal(deps.User.Principal, meeting) is { } refusal)
        {
            return AudienceOutcome<PollView>.Refused(refusal);
        }

        if (request.Validate() is { Any: true } errors)
        {
            return Outcome.Invalid<PollView>(errors);
        }

        var poll = new MeetingPoll
        {
            MeetingId = meetingId,
            Question = request.Question!.Trim(),
            MultipleChoice = request.MultipleChoice,
            Status = PollStatus.Draft,
            CreatedAt = deps.Clock.UtcNow,
        };
        poll.Options.AddRange(request.OptionTexts.Select((text, i) => new PollOption { PollId = poll.Id, Position = i + 1, Text = text }));
        deps.Db.Polls.Add(poll);
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(PollView.From(poll));
    }

    public static Task<AudienceOutcome<PollView>> SetStatusAsync(MeetingServices deps, Guid meetingId, Guid pollId, PollStatus status, CancellationToken cancellationToken) =>
        ChangeAsync(deps, meetingId, pollId, facilitator: true, poll =>
        {
            var from = status == PollStatus.Open ? PollStatus.Draft : PollStatus.Open;
            if (poll.Status == status)
            {
                return Task.FromResult<AudienceOutcome<PollView>?>(Outcome.Ok(PollView.From(poll)));
            }

            if (poll.Status != from)
            {
                return Task.FromResult<AudienceOutcome<PollView>?>(Outcome.Invalid<PollView>(new FieldErrors().Add(nameof(PollStatusRequest.Status), status == PollStatus.Open
                    ? new("Avstemningen er allerede åpnet.", "The poll has already been opened.")
                    : new("Bare en åpen avstemning kan lukkes.", "Only an open poll can be closed."))));
            }

            poll.Status = status;
            return Task.FromResult<AudienceOutcome<PollView>?>(null);
        }, cancellationToken);

    public static Task<AudienceOutcome<PollView>> VoteAsync(MeetingServices deps, Guid meetingId, Guid pollId, VoteRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(deps, meetingId, pollId, facilitator: false, async poll =>
        {
            if (poll.Status != PollStatus.Open)
            {
                return AudienceOutcome<PollView>.Refused(NotOpen);
            }

            var personId = deps.User.Principal.ActorId()!.Value;
            if (await deps.Db.PollBallots.AnyAsync(b => b.PollId == pollId && b.PersonId == personId, cancellationToken))
            {
                return AudienceOutcome<PollView>.Conflict(PollView.From(poll), VotedAlready);
            }

            if (request.Validate(poll) is { Any: true } errors)
            {
                return Outcome.Invalid<PollView>(errors);
            }

            var chosen = request.OptionIds!.Distinct().ToList();
            deps.Db.PollBallots.Add(new PollBallot { PollId = pollId, PersonId = personId, At = deps.Clock.UtcNow });
            deps.Db.PollChoices.AddRange(chosen.Select(id => new PollChoice { PollId = pollId, PersonId = personId, OptionId = id }));
            foreach (var option in poll.Options.Where(o => chosen.Contains(o.Id)))
            {
                option.Votes++;
            }

            poll.Voters++;
            return null;
        }, cancellationToken);

    // Loads the poll (of this meeting; a draft only for its facilitators) tracked, applies the change (an outcome
    // when it stops there) and saves it with its live item, starting over when another write got in first.
    private static async Task<AudienceOutcome<PollView>> ChangeAsync(
        MeetingServices deps, Guid meetingId, Guid pollId, bool facilitator, Func<MeetingPoll, Task<AudienceOutcome<PollView>?>> change, CancellationToken cancellationToken)
    {
        var meeting = await AudienceRules.LoadAsync(deps, meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanRead(deps.User.Principal, meeting))
        {
            return AudienceOutcome<PollView>.NotFound();
        }

        var refusal = facilitator ? AudienceRules.FacilitatorRefusal(deps.User.Principal, meeting) : AudienceRules.ParticipantRefusal(deps.User.Principal, meeting);
        if (refusal is { } reason)
        {
            return AudienceOutcome<PollView>.Refused(reason);
        }

        for (var attempt = 0; attempt < AudienceSave.Attempts; attempt++)
        {
            var poll = await deps.Db.Polls.Include(p => p.Options)
                .FirstOrDefaultAsync(p => p.Id == pollId && p.MeetingId == meetingId && (facilitator || p.Status != PollStatus.Draft), cancellationToken);
            if (poll is null)
            {
                return AudienceOutcome<PollView>.NotFound();
            }

            if (await change(poll) is { } stopped)
            {
                return stopped;
            }

            deps.Db.StageLive(MeetingLive.Topic(meetingId), MeetingLive.PollType, () => PollView.From(poll));
            if (await AudienceSave.TrySaveAsync(deps, cancellationToken))
            {
                return Outcome.Ok(PollView.From(poll));
            }
        }

        throw new InvalidOperationException($"Poll {pollId} kept changing; gave up after {AudienceSave.Attempts} attempts.");
    }
}
