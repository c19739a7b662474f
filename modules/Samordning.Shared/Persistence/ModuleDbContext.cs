using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Samordning.Shared.Events;

namespace Samordning.Shared.Persistence;

/// <summary>
/// Base for every module's DbContext. One schema per module on SQL Server (none on SQLite, which keeps one
/// file per module instead), the audit log table, the outbox table, and the version token on every <see cref="IVersioned"/>.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    // Staged by the use case, turned into rows by the save (after versions are bumped, so a payload can show the
    // saved version), and handed to the host's delivery once committed.
    private readonly List<(string Kind, string Type, string? Topic, Func<string> Payload)> staged = [];
    private readonly List<OutboxMessage> saved = [];

    /// <summary>Used by derived contexts, so each passes its own typed options.</summary>
    protected ModuleDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>The module's schema on SQL Server, for example <c>ministries</c>.</summary>
    protected abstract string Schema { get; }

    /// <summary>Who the changes saved through this context are audited as: the person of the scope that rented it.</summary>
    internal Security.ICurrentUser? AuditedUser { get; set; }

    /// <summary>On SQLite (unless configured off), the file's writer: saves outside an explicit transaction queue there.</summary>
    internal SqliteGroupWriter? SqliteWriter { get; set; }

    /// <summary>True when saves queue in the file's <see cref="SqliteWriter"/>.</summary>
    internal bool QueueSqliteWrites => SqliteWriter is not null;

    /// <summary>The module's audit log.</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>The module's outbox: what must follow a change, committed with it (see <see cref="IOutbox"/>).</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>
    /// Stages an event for other modules: the next save commits it with the change, and <see cref="IOutbox"/> or
    /// the host's job delivers it until every handler has taken it. Handlers must be idempotent.
    /// </summary>
    public void StageEvent<TEvent>(TEvent @event) where TEvent : IEvent
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = typeof(TEvent);
        var json = JsonSerializer.Serialize(@event, type, JsonSerializerOptions.Web);
        staged.Add((OutboxKinds.Event, $"{type.FullName}, {type.Assembly.GetName().Name}", null, () => json));
    }

    /// <summary>
    /// Stages a live item: the next save commits it with the change, then it is stored in the live store once
    /// (the row's id is its source key) and broadcast. The payload is made during the save, after versions are bumped.
    /// </summary>
    public void StageLive(string topic, string type, Func<object> payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(payload);
        staged.Add((OutboxKinds.Live, type, topic, () =>
        {
            var value = payload();
            return JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Web);
        }));
    }

    /// <summary>The outbox rows that saves of this context committed since the last call (for <see cref="IOutbox"/>).</summary>
    public IReadOnlyList<OutboxMessage> TakeCommittedOutbox()
    {
        var committed = saved.Where(m => Entry(m).State == EntityState.Unchanged).ToList();
        saved.Clear();
        foreach (var message in committed)
        {
            Entry(message).State = EntityState.Detached;
        }

        return committed;
    }

    /// <summary>Turns staged messages into rows of this save (called by the auditing interceptor, before the save).</summary>
    internal void AddStagedOutbox(DateTimeOffset now)
    {
        foreach (var (kind, type, topic, payload) in staged)
        {
            var message = new OutboxMessage
            {
                Id = Guid.CreateVersion7(now),
                Kind = kind,
                Type = type,
                Topic = topic,
                Payload = payload(),
                CreatedAt = now,
                // Leased to the delivery that follows the commit; the job takes it only if that one never finishes.
                NextAttemptAt = now + OutboxMessage.Lease,
            };
            OutboxMessages.Add(message);
            saved.Add(message);
        }

        staged.Clear();
    }

    /// <summary>Forgets what an earlier renter of this pooled context staged and never saved.</summary>
    internal void ResetOutbox()
    {
        staged.Clear();
        saved.Clear();
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Within an explicit transaction the file is already taken (or about to be) by that transaction: queueing
        // its saves behind other writers could only make it wait for itself.
        if (SqliteWriter is null || Database.CurrentTransaction is not null)
        {
            return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return SaveQueuedAsync(SqliteWriter, acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>True while a save stamped by its caller (<see cref="AuditingInterceptor.StampAhead"/>) is written.</summary>
    internal bool StampedAhead { get; private set; }

    // The audit entries, versions, search index and outbox rows are made here, in the caller, before the save
    // queues: the file's writer is one serial turn, and the work it did for each save beside the statements
    // themselves (a third of it, the audit's JSON most) capped the saves a second one file takes on a loaded
    // machine (issue 19: 200 meetings' notes at 400/s). The writer now only runs the statements.
    private async Task<int> SaveQueuedAsync(SqliteGroupWriter writer, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        StampedAhead = AuditingInterceptor.StampAhead(this);
        try
        {
            return await writer.WriteAsync(new SqliteSave(this, acceptAllChangesOnSuccess, cancellationToken));
        }
        finally
        {
            StampedAhead = false;
        }
    }

    /// <summary>The save as EF Core does it, on the context's own connection (the queue's turn taken).</summary>
    internal Task<int> SaveChangesUnqueuedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>
    /// Runs a statement of this context that writes without change tracking (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) as a write
    /// of the file's group writer on SQLite, like a save: a write outside the queue meets the queue's transaction on
    /// the file's lock, and SQLite's busy wait then holds every queued write behind it. Elsewhere (a server, or
    /// within an explicit transaction) it runs as it is.
    /// </summary>
    public Task<int> ExecuteWriteAsync(Func<CancellationToken, Task<int>> statement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (SqliteWriter is null || Database.CurrentTransaction is not null)
        {
            return statement(cancellationToken);
        }

        return SqliteWriter.WriteAsync(new SqliteStatement(this, statement, cancellationToken));
    }

    /// <summary>
    /// The save inside another save's transaction, on its connection (the queue's group commit). EF Core puts it on
    /// the writer's savepoint (so not on one of EF Core's own as well). Changes are accepted only once the group
    /// commits.
    /// </summary>
    internal Task<int> SaveChangesWithinAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken) =>
        WithinAsync(connection, transaction, () => base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> on the group's connection and transaction; the context gets its own
    /// connection back afterwards, whatever happens.
    /// </summary>
    internal async Task<int> WithinAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Func<Task<int>> write, CancellationToken cancellationToken)
    {
        var connectionString = Database.GetConnectionString();
        Database.SetDbConnection(connection, contextOwnsConnection: false);
        try
        {
            await Database.UseTransactionAsync(transaction, cancellationToken);
            Database.AutoSavepointsEnabled = false;
            try
            {
                return await write();
            }
            finally
            {
                Database.AutoSavepointsEnabled = true;
                await Database.UseTransactionAsync(null, CancellationToken.None);
            }
        }
        finally
        {
            Database.SetDbConnection(null, contextOwnsConnection: true);
            Database.SetConnectionString(connectionString);
        }
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.IsSqlite())
        {
            // SQLite stores DateTimeOffset as text and cannot order or compare it; as ticks in UTC it can.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<SqliteInstantConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<SqliteInstantConverter>();
        }
        else if (Database.IsNpgsql())
        {
            // PostgreSQL's timestamptz holds an instant, and Npgsql writes only offset 0: instants with an Oslo
            // offset are stored as the same instant in UTC (and read back in UTC).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (!Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("AuditLog");
            audit.Property(a => a.Actor).HasMaxLength(200);
            audit.Property(a => a.Entity).HasMaxLength(100);
            audit.Property(a => a.Action).HasMaxLength(20);
            audit.HasIndex(a => new { a.EntityId, a.Id });
        });

        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("Outbox");
            outbox.Property(m => m.Kind).HasMaxLength(10);
            outbox.Property(m => m.Type).HasMaxLength(300);
            outbox.Property(m => m.Topic).HasMaxLength(200);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            outbox.HasIndex(m => m.NextAttemptAt);
        });

        ConfigureModel(modelBuilder);

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }

        // The PostgreSQL suffix index's text (SearchSuffixes), a column on every provider so their models stay one,
        // filled on PostgreSQL only; a shadow property, since no slice reads it.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(Search.ISearchIndexed).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property<string?>(Search.SearchSuffixes.PropertyName);
        }
    }

    /// <summary>The module's own model.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}

/// <summary>Stores an instant with offset 0 (PostgreSQL's timestamptz takes nothing else through Npgsql).</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
