using Microsoft.EntityFrameworkCore;
using Samordning.Host.Data;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Overview;

// When a person last opened their overview, and the instant their "changed since" list counts from.
internal sealed class OverviewVisit
{
    public Guid PersonId { get; set; }
    public DateTimeOffset LastVisitAt { get; set; }
    public DateTimeOffset? ChangesSince { get; set; }
}

// A visit is a run of page loads without a long pause. Within one, reloads and live refreshes keep counting changes
// from the visit before, so reloading the page does not wipe the list the person is working through.
internal sealed class OverviewVisits(HostDbContext db)
{
    public static readonly TimeSpan NewVisitAfter = TimeSpan.FromMinutes(30);

    // Records the page load at now; returns where this visit's changes count from (null on the first visit).
    public async Task<DateTimeOffset?> RecordAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var visit = await db.OverviewVisits.FirstOrDefaultAsync(v => v.PersonId == personId, cancellationToken);
        if (visit is null)
        {
            db.OverviewVisits.Add(new OverviewVisit { PersonId = personId, LastVisitAt = now });
            await SaveAsync(cancellationToken);
            return null;
        }

        if (now - visit.LastVisitAt >= NewVisitAfter)
        {
            visit.ChangesSince = visit.LastVisitAt;
        }

        visit.LastVisitAt = now;
        await SaveAsync(cancellationToken);
        return visit.ChangesSince;
    }

    // Where changes count from, without recording a visit (a live refresh of the page already shown).
    public async Task<DateTimeOffset?> ChangesSinceAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.OverviewVisits.AsNoTracking().Where(v => v.PersonId == personId).Select(v => v.ChangesSince).FirstOrDefaultAsync(cancellationToken);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception) || exception is DbUpdateConcurrencyException)
        {
            // Two tabs loading at once: the other one recorded the visit, which is all that was needed.
        }
    }
}
