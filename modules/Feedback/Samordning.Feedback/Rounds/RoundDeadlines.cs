using System.Runtime.CompilerServices;
using Samordning.Feedback.Data;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Deadlines;

namespace Samordning.Feedback.Rounds;

// Input-round deadlines for the reminder sweep. Only rounds that ask the ministries have recipients: the
// contact persons of the ministries that have not yet sent input to the round.
internal sealed class RoundDeadlines(FeedbackDbContext db, IMinistryDirectory directory) : IDeadlineSource
{
    public const string Kind = "input-round";

    public IReadOnlyList<DeadlineKind> Kinds { get; } = [new(Kind, new("Innspillsrunder", "Input rounds"))];

    public async IAsyncEnumerable<Deadline> GetOpenDeadlinesAsync(DateTimeOffset from, DateTimeOffset? until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Open rounds only: a deadline that has passed closes the round (submissions are refused after it).
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.Deadline >= from && (until == null || r.Deadline < until)).ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            yield break;
        }

        var ministries = rounds.Any(r => r.Audience.HasFlag(Audience.Ministries)) ? await directory.GetMinistriesAsync(cancellationToken) : [];
        foreach (var round in rounds)
        {
            var recipients = new List<Guid>();
            if (round.Audience.HasFlag(Audience.Ministries))
            {
                var submitted = await db.Items.Where(i => i.RoundId == round.Id && i.MinistryId != null).Select(i => i.MinistryId!.Value).Distinct().ToListAsync(cancellationToken);
                foreach (var ministry in ministries.Where(m => !submitted.Contains(m.Id)))
                {
                    recipients.AddRange((await directory.GetPeopleAsync(ministry.Id, Roles.ContactPerson, cancellationToken)).Select(p => p.Id));
                }
            }

            yield return new Deadline($"feedback.round:{round.Id}", Kind, new(round.Title, round.Title), round.Deadline, $"/innspillsregister/runder/{round.Id}", recipients);
        }
    }
}
