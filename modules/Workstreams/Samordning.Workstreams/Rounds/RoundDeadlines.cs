using System.Runtime.CompilerServices;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Deadlines;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Rounds;

// Open reporting rounds as deadlines for the reminder sweep. The recipients are the contact persons of the
// ministries that have not submitted, so nobody is reminded of what their ministry already did.
internal sealed class RoundDeadlines(WorkstreamsDbContext db, IMinistryDirectory directory) : IDeadlineSource
{
    public const string Kind = "reporting-round";

    public IReadOnlyList<DeadlineKind> Kinds { get; } = [new(Kind, new("Rapporteringsrunder", "Reporting rounds"))];

    public async IAsyncEnumerable<Deadline> GetOpenDeadlinesAsync(DateTimeOffset from, DateTimeOffset? until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Open rounds due at or after from: the sweep asks from a year back, so rounds overdue but not closed within
        // that year still remind, and forgotten old ones do not.
        var rounds = await db.ReportingRounds.AsNoTracking().Where(r => r.ClosedAt == null && r.Deadline >= from && (until == null || r.Deadline < until)).ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            yield break;
        }

        var ministries = await directory.GetMinistriesAsync(cancellationToken);
        foreach (var round in rounds)
        {
            var submitted = await db.RoundSubmissions.Where(s => s.RoundId == round.Id).Select(s => s.MinistryId).ToListAsync(cancellationToken);
            var recipients = new List<Guid>();
            foreach (var ministry in ministries.Where(m => !submitted.Contains(m.Id)))
            {
                recipients.AddRange((await directory.GetPeopleAsync(ministry.Id, Roles.ContactPerson, cancellationToken)).Select(p => p.Id));
            }

            yield return new Deadline(
                $"workstreams.round:{round.Id}",
                Kind,
                new(round.Title, round.Title),
                round.Deadline,
                $"/arbeidsstrommer/runder/{round.Id}",
                recipients);
        }
    }
}
