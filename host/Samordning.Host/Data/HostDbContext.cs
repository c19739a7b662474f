using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Data;

// The host's own small store: data-protection keys (shared by every node), the stored live items, and the
// development identity provider's clients and tokens, and when each person last opened their overview.
internal class HostDbContext : ModuleDbContext, IDataProtectionKeyContext
{
    public const string Store = "host";

    public HostDbContext(DbContextOptions<HostDbContext> options) : base(options)
    {
    }

    protected HostDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<LiveItemRow> LiveItems => Set<LiveItemRow>();

    public DbSet<Overview.OverviewVisit> OverviewVisits => Set<Overview.OverviewVisit>();

    protected override string Schema => Store;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<LiveItemRow>(item =>
        {
            item.ToTable("LiveItems");
            item.Property(i => i.Topic).HasMaxLength(200);
            item.Property(i => i.Type).HasMaxLength(100);
            item.HasIndex(i => new { i.Topic, i.Sequence }).IsUnique();
            // The outbox row an item came from: a redelivery finds it stored and adds nothing.
            item.HasIndex(i => i.SourceId).IsUnique();
        });
        modelBuilder.Entity<Overview.OverviewVisit>(visit =>
        {
            visit.ToTable("OverviewVisits");
            visit.HasKey(v => v.PersonId);
        });
    }
}

internal sealed class LiveItemRow
{
    public long Id { get; set; }
    public required string Topic { get; set; }
    public long Sequence { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? SourceId { get; set; }
}

internal sealed class SqliteHostDbContext(DbContextOptions<SqliteHostDbContext> options) : HostDbContext(options);

// Carries the PostgreSQL migrations (Migrations/PostgreSql); the model is the same.
internal sealed class PostgresHostDbContext(DbContextOptions<PostgresHostDbContext> options) : HostDbContext(options);

internal sealed class HostDesignTimeFactory : IDesignTimeDbContextFactory<HostDbContext>
{
    public HostDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HostDbContext>()
            .UseSqlServer("Server=design-time;Database=Samordning", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", HostDbContext.Store))
            .Options);
}

internal sealed class SqliteHostDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHostDbContext>
{
    public SqliteHostDesignTimeFactory()
    {
    }

    public SqliteHostDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHostDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresHostDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHostDbContext>
{
    public PostgresHostDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHostDbContext>()
            .UseNpgsql("Host=design-time;Database=samordning", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", HostDbContext.Store))
            .Options);
}
