using Microsoft.EntityFrameworkCore.Design;

namespace Samordning.Ministries.Data;

// The model, and the SQL Server migrations (Migrations/SqlServer).
internal class MinistriesDbContext : ModuleDbContext
{
    public const string Store = "ministries";

    public MinistriesDbContext(DbContextOptions<MinistriesDbContext> options) : base(options)
    {
    }

    protected MinistriesDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Ministry> Ministries => Set<Ministry>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Person> People => Set<Person>();

    protected override string Schema => Store;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ministry>(ministry =>
        {
            ministry.Property(m => m.Code).HasMaxLength(10);
            ministry.Property(m => m.NameNb).HasMaxLength(200);
            ministry.Property(m => m.NameEn).HasMaxLength(200);
            ministry.Property(m => m.NameNn).HasMaxLength(200);
            ministry.Property(m => m.SearchText).HasMaxLength(500);
            ministry.HasIndex(m => m.Code).IsUnique();
            ministry.HasMany(m => m.Agencies).WithOne(a => a.Ministry).HasForeignKey(a => a.MinistryId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Agency>(agency =>
        {
            agency.Property(a => a.NameNb).HasMaxLength(200);
            agency.Property(a => a.NameEn).HasMaxLength(200);
            agency.Property(a => a.OrganisationNumber).HasMaxLength(9);
            agency.Property(a => a.SearchText).HasMaxLength(500);
            agency.HasIndex(a => new { a.MinistryId, a.NameNb }).IsUnique();
        });

        modelBuilder.Entity<Person>(person =>
        {
            person.Property(p => p.Name).HasMaxLength(200);
            person.Property(p => p.Email).HasMaxLength(254);
            person.Property(p => p.Subject).HasMaxLength(200);
            person.Property(p => p.Title).HasMaxLength(200);
            person.Property(p => p.PreferredLanguage).HasMaxLength(2);
            person.Property(p => p.SearchText).HasMaxLength(700);
            person.HasIndex(p => p.Email).IsUnique();
            // PostgreSQL knows no [brackets]; the SQL Server and SQLite migrations keep the filter they were made with.
            person.HasIndex(p => p.Subject).IsUnique().HasFilter(Database.IsNpgsql() ? "\"Subject\" IS NOT NULL" : "[Subject] IS NOT NULL");
            person.HasIndex(p => new { p.MinistryId, p.Active });
            person.HasOne(p => p.Ministry).WithMany().HasForeignKey(p => p.MinistryId).OnDelete(DeleteBehavior.Restrict);
            person.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

// Carries the SQLite migrations (Migrations/Sqlite); the model is the same.
internal sealed class SqliteMinistriesDbContext(DbContextOptions<SqliteMinistriesDbContext> options) : MinistriesDbContext(options);

// Carries the PostgreSQL migrations (Migrations/PostgreSql); the model is the same.
internal sealed class PostgresMinistriesDbContext(DbContextOptions<PostgresMinistriesDbContext> options) : MinistriesDbContext(options);

// Lets `dotnet ef` (build/add-migration) create both contexts without a running host.
internal sealed class MinistriesDesignTimeFactory : IDesignTimeDbContextFactory<MinistriesDbContext>
{
    public MinistriesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MinistriesDbContext>()
            .UseSqlServer("Server=design-time;Database=Samordning", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", MinistriesDbContext.Store))
            .Options);
}

internal sealed class SqliteMinistriesDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMinistriesDbContext>
{
    public SqliteMinistriesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMinistriesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresMinistriesDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMinistriesDbContext>
{
    public PostgresMinistriesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMinistriesDbContext>()
            .UseNpgsql("Host=design-time;Database=samordning", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", MinistriesDbContext.Store))
            .Options);
}
