using Samordning.Meetings.Data;

namespace Samordning.Meetings.Questions;

// A question as the API, the live topic, the page and the minutes see it. The asker's name is left out of every
// view of an anonymous question (see MeetingQuestion); a hidden question keeps nothing but its id and state, so a
// follower's page removes it.
internal sealed record QuestionView(
    Guid Id,
    Guid MeetingId,
    string Text,
    string? AskerName,
    bool Anonymous,
    int Votes,
    bool Answered,
    string? Answer,
    bool Hidden,
    DateTimeOffset CreatedAt,
    long Version)
{
    public static QuestionView From(MeetingQuestion q) => q.Hidden
        ? new(q.Id, q.MeetingId, "", null, q.Anonymous, q.Votes, q.Answered, null, true, q.CreatedAt, q.Version)
        : new(q.Id, q.MeetingId, q.Text, q.Anonymous ? null : q.AskerName, q.Anonymous, q.Votes, q.Answered, q.Answer, false, q.CreatedAt, q.Version);

    // Who asked, as the page and the minutes show it.
    public static string AskerOf(QuestionView question) => question.AskerName ?? Shared.Text.Localized.T("Anonym", "Anonymous");

    // Most votes first; among equals the earlier question.
    public static IReadOnlyList<QuestionView> Ordered(IEnumerable<QuestionView> questions) =>
        [.. questions.OrderByDescending(q => q.Votes).ThenBy(q => q.CreatedAt).ThenBy(q => q.Id)];
}

internal sealed record QuestionRequest(string? Text, bool Anonymous = false)
{
    public const int MaxTextLength = 1000;

    public FieldErrors Validate() => new FieldErrors().Required(nameof(Text), Text, new("Spørsmålet", "The question"), MaxTextLength);
}

internal sealed record AnswerRequest(string? Answer)
{
    public FieldErrors Validate() => new FieldErrors().MaxLength(nameof(Answer), Answer, new("Svaret", "The answer"), QuestionRequest.MaxTextLength);
}
