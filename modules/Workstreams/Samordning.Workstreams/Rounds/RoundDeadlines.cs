using System.Runtime.CompilerServices;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Deadlines;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Rounds;

// Open reporting rounds as deadlines for the reminder sweep. The recipients are the contact persons of the
// ministries that have not submitted, so nobody is reminded of what their ministry already did. Each of them also
// gets a one-click "unchanged" link per initiative of their ministry not yet confirmed in the round.
internal sealed class RoundDeadlines(WorkstreamsDbContext db, IMinistryDirectory directory) : IDeadlineSource
{
    public const string Kind = "reporting-round";

    // A reminder stays readable: beyond this many, the round's page (the reminder's own link) lists the rest.
    public const int MaxActions = 20;

    public IReadOnlyList<DeadlineKind> Kinds { get; } = [new(Kind, new("Rapporteringsrunder", "Reporting rounds"))];

    public static string ConfirmLink(Guid roundId, Guid initiativeId) => $"/arbeidsstrommer/runder/{roundId}/bekreft/{initiativeId}";

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
            var unconfirmed = (await RoundProgress.ToConfirm(db.Initiatives.AsNoTracking())
                    .Where(i => !submitted.Contains(i.OwningMinistryId) && !db.RoundConfirmations.Any(c => c.RoundId == round.Id && c.InitiativeId == i.Id))
                    .OrderBy(i => i.Title)
                    .Select(i => new { i.Id, i.Title, i.OwningMinistryId })
                    .ToListAsync(cancellationToken))
                .ToLookup(i => i.OwningMinistryId);
            var recipients = new List<Guid>();
            var actions = new Dictionary<Guid, IReadOnlyList<DeadlineAction>>();
            foreach (var ministry in ministries.Where(m => !submitted.Contains(m.Id)))
            {
                var people = (await directory.GetPeopleAsync(ministry.Id, Roles.ContactPerson, cancellationToken)).Select(p => p.Id).ToList();
                recipients.AddRange(people);
                List<DeadlineAction> confirms = [.. unconfirmed[ministry.Id].Take(MaxActions).Select(i => new DeadlineAction(new(i.Title, i.Title), ConfirmLink(round.Id, i.Id)))];
                foreach (var person in people.Where(_ => confirms.Count > 0))
                {
                    actions[person] = confirms;
                }
            }

            yield return new Deadline(
                $"workstreams.round:{round.Id}",
                Kind,
                new(round.Title, round.Title),
                round.Deadline,
                $"/arbeidsstrommer/runder/{round.Id}",
                recipients)
            {
                Actions = actions,
            };
        }
    }
}
