using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Samordning.Shared.Security;
using Samordning.Shared.Time;

namespace Samordning.Shared.Persistence;

/// <summary>
/// Before every save: bumps the version of changed <see cref="IVersioned"/> entities and writes an audit entry
/// for each created, updated or deleted <see cref="IAudited"/> entity, in the same transaction.
/// One instance serves every (pooled) context: the person comes from the context being saved
/// (<see cref="ModuleDbContext.AuditedUser"/>), unless the interceptor was made for one person.
/// </summary>
internal sealed class AuditingInterceptor : SaveChangesInterceptor
{
    private static readonly SystemUser Nobody = new();
    private readonly ICurrentUser? fixedUser;
    private readonly IClock clock;

    /// <summary>Audits every save as the person of the context's scope.</summary>
    public AuditingInterceptor(IClock clock) => this.clock = clock;

    /// <summary>Audits every save as <paramref name="currentUser"/> (tools and tests with one person).</summary>
    public AuditingInterceptor(ICurrentUser currentUser, IClock clock)
    {
        fixedUser = currentUser;
        this.clock = clock;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        StampUnlessAhead(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        StampUnlessAhead(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Stamps a save of <paramref name="context"/> now, in its caller, with each auditing interceptor of its options
    /// (a queued SQLite save: see <see cref="ModuleDbContext.StampedAhead"/>); false when it has none.
    /// </summary>
    public static bool StampAhead(ModuleDbContext context)
    {
        var stamped = false;
        foreach (var interceptor in context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [])
        {
            if (interceptor is AuditingInterceptor auditing)
            {
                auditing.Stamp(context);
                stamped = true;
            }
        }

        return stamped;
    }

    // Once per save: a save its caller stamped ahead is not stamped again (no second audit entry or version bump).
    private void StampUnlessAhead(DbContext? context)
    {
        if (context is not ModuleDbContext { StampedAhead: true })
        {
            Stamp(context);
        }
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.UtcNow;
        var currentUser = fixedUser ?? (context as ModuleDbContext)?.AuditedUser ?? Nobody;
        RefreshSearchIndexes(context);
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
                context.Add(ToAudit(entry, audited.Id, now, currentUser));
            }
        }

        // Last, so a staged payload sees the versions as saved.
        (context as ModuleDbContext)?.AddStagedOutbox(now);
    }

    // Every save keeps the search index of what it writes current (before the entries below are read, so a changed
    // index is saved with the change), whichever slice wrote it; on PostgreSQL its suffixes too, which the suffix
    // index reads (made here, not by the database: see SearchSuffixes), when the index changed or they are missing.
    private static void RefreshSearchIndexes(DbContext context)
    {
        var suffixes = context.Database.IsNpgsql();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            if (entry.Entity is Search.ISearchIndexed indexed)
            {
                indexed.SearchIndex = Search.SearchIndex.Of(indexed.SearchDocument());
                if (suffixes && entry.Property(Search.SearchSuffixes.PropertyName) is var stored
                    && (stored.CurrentValue is null || entry.State == EntityState.Added
                        || !Equals(entry.Property(Search.SearchIndex.PropertyName).OriginalValue, indexed.SearchIndex)))
                {
                    stored.CurrentValue = Search.SearchSuffixes.Of(indexed.SearchIndex);
                }
            }
        }
    }

    // The search index and its suffixes repeat the entity's own text (personal text too): the audit log needs no copy.
    private static bool IsSearchColumn(EntityEntry entry, string name) =>
        entry.Entity is Search.ISearchIndexed && name is Search.SearchIndex.PropertyName or Search.SearchSuffixes.PropertyName;

    private static AuditEntry ToAudit(EntityEntry entry, Guid id, DateTimeOffset now, ICurrentUser currentUser)
    {
        var properties = entry.Properties.Where(p => !p.Metadata.IsConcurrencyToken && !IsSearchColumn(entry, p.Metadata.Name)).ToList();
        // Personal values (AuditLog.IsPersonal) are written as redacted: the audit log says that they changed, and
        // holds no copy that would outlive their retention or an erasure.
        var (action, before, after) = entry.State switch
        {
            EntityState.Added => ("Created", null, Json(properties.ToDictionary(p => p.Metadata.Name, p => AuditLog.ValueFor(p.Metadata, p.CurrentValue)))),
            EntityState.Deleted => ("Deleted", Json(properties.ToDictionary(p => p.Metadata.Name, p => AuditLog.ValueFor(p.Metadata, p.OriginalValue))), null),
            _ => ("Updated",
                Json(properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToDictionary(p => p.Metadata.Name, p => AuditLog.ValueFor(p.Metadata, p.OriginalValue))),
                Json(properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToDictionary(p => p.Metadata.Name, p => AuditLog.ValueFor(p.Metadata, p.CurrentValue)))),
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

    // A context used outside any scope with a person (none rented it through DI).
    private sealed class SystemUser : ICurrentUser
    {
        public ClaimsPrincipal Principal { get; } = new(new ClaimsIdentity());

        public Guid? PersonId => null;

        public string DisplayName => "system";
    }

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values);
}
