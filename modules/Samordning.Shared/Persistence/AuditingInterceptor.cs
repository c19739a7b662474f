using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Samordning.Shared.Security;
using Samordning.Shared.Time;

namespace Samordning.Shared.Persistence;

/// <summary>
/// Before every save: bumps the version of changed <see cref="IVersioned"/> entities and writes an audit entry
/// for each created, updated or deleted <see cref="IAudited"/> entity, in the same transaction.
/// </summary>
internal sealed class AuditingInterceptor(ICurrentUser currentUser, IClock clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.UtcNow;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in entries)
        {
            if (entry is { State: EntityState.Modified, Entity: IVersioned versioned })
            {
                versioned.Version++;
            }

            if (entry.Entity is IAudited audited)
            {
                context.Add(ToAudit(entry, audited.Id, now));
            }
        }
    }

    private AuditEntry ToAudit(EntityEntry entry, Guid id, DateTimeOffset now)
    {
        var properties = entry.Properties.Where(p => !p.Metadata.IsConcurrencyToken).ToList();
        var (action, before, after) = entry.State switch
        {
            EntityState.Added => ("Created", null, Json(properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue))),
            EntityState.Deleted => ("Deleted", Json(properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)), null),
            _ => ("Updated",
                Json(properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
                Json(properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToDictionary(p => p.Metadata.Name, p => p.CurrentValue))),
        };

        return new AuditEntry
        {
            At = now,
            PersonId = currentUser.PersonId,
            Actor = currentUser.DisplayName,
            Entity = entry.Metadata.ClrType.Name,
            EntityId = id,
            Action = action,
            Before = before,
            After = after,
        };
    }

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values);
}
