using System.Text.Json.Serialization;

namespace Samordning.Meetings.Data;

// A question asked in a live meeting. The asker is always stored (AskerPersonId, AskerName) for the audit trail,
// but when Anonymous is set no view shows the name to anyone, facilitators included: the views are made in one
// place (QuestionView.From), so the name cannot leak through the API, the page, the live topic or the minutes.
internal sealed class MeetingQuestion : IVersioned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public required string Text { get; set; }
    public Guid AskerPersonId { get; set; }
    public required string AskerName { get; set; }
    public bool Anonymous { get; set; }

    // Kept with the question (not counted from the votes at each read) so a vote bumps the version: two votes at
    // once clash on the version and the later one is counted again, and each live item carries a count that grows.
    public int Votes { get; set; }
    public bool Answered { get; set; }
    public string? Answer { get; set; }
    public bool Hidden { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }
}

// One person's upvote: the key (question, person) lets a person count once, on any node.
internal sealed class QuestionVote
{
    public Guid QuestionId { get; set; }
    public Guid PersonId { get; set; }
    public DateTimeOffset At { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<PollStatus>))]
internal enum PollStatus
{
    Draft,
    Open,
    Closed,
}

// A quick poll: made by a facilitator as a draft, opened for votes, closed (then its results go in the minutes).
internal sealed class MeetingPoll : IVersioned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public required string Question { get; set; }
    public bool MultipleChoice { get; set; }
    public PollStatus Status { get; set; }

    // How many people voted: each ballot bumps it (and so the version), see MeetingQuestion.Votes.
    public int Voters { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }
    public List<PollOption> Options { get; set; } = [];
}

internal sealed class PollOption
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PollId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public int Votes { get; set; }
}

// One person's vote in a poll (the options chosen are in PollChoices): the key (poll, person) lets a person vote
// once, on any node. A vote is final: a quick poll counts first answers, and a vote that could change would need
// the earlier choices taken back under the same concurrency rules for little gain.
internal sealed class PollBallot
{
    public Guid PollId { get; set; }
    public Guid PersonId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class PollChoice
{
    public Guid PollId { get; set; }
    public Guid PersonId { get; set; }
    public Guid OptionId { get; set; }
}
