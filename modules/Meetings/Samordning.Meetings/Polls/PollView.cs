using Samordning.Meetings.Data;

namespace Samordning.Meetings.Polls;

internal sealed record PollOptionView(Guid Id, string Text, int Votes);

// A poll with its results as the API, the live topic, the page and the minutes see it: counts only, never who
// chose what.
internal sealed record PollView(Guid Id, Guid MeetingId, string Question, bool MultipleChoice, PollStatus Status, IReadOnlyList<PollOptionView> Options, int Voters, DateTimeOffset CreatedAt, long Version)
{
    public static PollView From(MeetingPoll p) => new(
        p.Id, p.MeetingId, p.Question, p.MultipleChoice, p.Status,
        [.. p.Options.OrderBy(o => o.Position).Select(o => new PollOptionView(o.Id, o.Text, o.Votes))],
        p.Voters, p.CreatedAt, p.Version);
}

internal sealed record PollRequest(string? Question, IReadOnlyList<string?>? Options, bool MultipleChoice = false)
{
    public const int MaxTextLength = 500;
    public const int MaxOptionLength = 200;
    public const int MinOptions = 2;
    public const int MaxOptions = 10;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors().Required(nameof(Question), Question, new("Spørsmålet", "The question"), MaxTextLength);
        var options = Options ?? [];
        var given = options.Where(o => !string.IsNullOrWhiteSpace(o)).ToList();
        if (given.Count is < MinOptions or > MaxOptions)
        {
            errors.Add(nameof(Options), new($"En avstemning må ha fra {MinOptions} til {MaxOptions} svaralternativer.", $"A poll needs {MinOptions} to {MaxOptions} options."));
        }

        if (given.Any(o => o!.Trim().Length > MaxOptionLength))
        {
            errors.Add(nameof(Options), new($"Et svaralternativ kan ha høyst {MaxOptionLength} tegn.", $"An option can have at most {MaxOptionLength} characters."));
        }

        if (given.Select(o => o!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != given.Count)
        {
            errors.Add(nameof(Options), new("To svaralternativer er like.", "Two options are the same."));
        }

        return errors;
    }

    // Blank lines (a form's empty option fields) are left out.
    public IEnumerable<string> OptionTexts => (Options ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o!.Trim());
}

internal sealed record VoteRequest(IReadOnlyList<Guid>? OptionIds)
{
    public FieldErrors Validate(MeetingPoll poll)
    {
        var chosen = (OptionIds ?? []).Distinct().ToList();
        var errors = new FieldErrors();
        if (chosen.Count == 0)
        {
            errors.Add(nameof(OptionIds), new("Velg et svaralternativ.", "Choose an option."));
        }
        else if (!poll.MultipleChoice && chosen.Count > 1)
        {
            errors.Add(nameof(OptionIds), new("Velg bare ett svaralternativ i denne avstemningen.", "Choose only one option in this poll."));
        }
        else if (chosen.Any(id => poll.Options.All(o => o.Id != id)))
        {
            errors.Add(nameof(OptionIds), new("Svaralternativet finnes ikke i denne avstemningen.", "The option is not in this poll."));
        }

        return errors;
    }
}

internal sealed record PollStatusRequest(PollStatus Status);
