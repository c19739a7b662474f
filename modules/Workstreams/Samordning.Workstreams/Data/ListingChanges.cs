using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Samordning.Workstreams.Data;

// What one save does to the kept listings (MinistryInitiative), worked out from the tracker before the save, so that
// the common saves cost no extra reading:
// - a new initiative's listings are made from the tracked initiative and its tracked collaborators (a new initiative
//   has no others) and saved in the same batch as the initiative;
// - an initiative whose phase or last change moved, with the same owner and collaborators, has its listings updated
//   in place (one UPDATE per distinct phase and time, however many initiatives share them, as an import's do);
// - only an initiative whose owner or collaborators changed has its listings written again from the saved rows
//   (delete, read back, insert), since its collaborators may not all be tracked.
internal sealed class ListingChanges
{
    private ListingChanges(List<MinistryInitiative> added, List<Initiative> moved, List<Guid> rewritten)
    {
        Added = added;
        Moved = moved;
        Rewritten = rewritten;
    }

    public List<MinistryInitiative> Added { get; }

    public List<Initiative> Moved { get; }

    public List<Guid> Rewritten { get; }

    public bool AfterSave => Moved.Count > 0 || Rewritten.Count > 0;

    public static ListingChanges Of(ChangeTracker tracker)
    {
        var added = new Dictionary<Guid, Initiative>();
        var moved = new Dictionary<Guid, Initiative>();
        var rewritten = new HashSet<Guid>();
        foreach (var entry in tracker.Entries<Initiative>())
        {
            if (entry.State == EntityState.Added)
            {
                added[entry.Entity.Id] = entry.Entity;
            }
            else if (entry.State == EntityState.Modified)
            {
                if (entry.Property(i => i.OwningMinistryId).IsModified)
                {
                    rewritten.Add(entry.Entity.Id);
                }
                else if (entry.Property(i => i.Phase).IsModified || entry.Property(i => i.UpdatedAt).IsModified)
                {
                    moved[entry.Entity.Id] = entry.Entity;
                }
            }
        }

        var collaborators = new List<InitiativeMinistry>();
        foreach (var entry in tracker.Entries<InitiativeMinistry>())
        {
            if (added.ContainsKey(entry.Entity.InitiativeId))
            {
                if (entry.State == EntityState.Added)
                {
                    collaborators.Add(entry.Entity);
                }
            }
            else if (entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            {
                rewritten.Add(entry.Entity.InitiativeId);
            }
        }

        var listings = added.Values
            .Select(i => (i.Id, Ministry: i.OwningMinistryId))
            .Concat(collaborators.Select(c => (Id: c.InitiativeId, Ministry: c.MinistryId)))
            .Distinct()
            .Select(l => new MinistryInitiative { InitiativeId = l.Id, MinistryId = l.Ministry, Phase = added[l.Id].Phase, UpdatedAt = added[l.Id].UpdatedAt })
            .ToList();
        return new(listings, [.. moved.Values.Where(i => !rewritten.Contains(i.Id))], [.. rewritten]);
    }

    // The moved initiatives by the phase and time they were given: one UPDATE each.
    public IEnumerable<(Phase Phase, DateTimeOffset UpdatedAt, List<Guid> Ids)> MovedTogether() =>
        Moved.GroupBy(i => (i.Phase, i.UpdatedAt)).Select(g => (g.Key.Phase, g.Key.UpdatedAt, g.Select(i => i.Id).ToList()));
}
