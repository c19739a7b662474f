using Microsoft.EntityFrameworkCore.Design;

namespace Samordning.Feedback.Data;

// The model, and the SQL Server migrations (Migrations/SqlServer).
internal class FeedbackDbContext : ModuleDbContext
{
    public const string Store = "feedback";

    public FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : base(options)
    {
    }

    protected FeedbackDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<InputRound> Rounds => Set<InputRound>();
    public DbSet<FeedbackItem> Items => Set<FeedbackItem>();
    public DbSet<FeedbackAttachment> Attachments => Set<FeedbackAttachment>();
    public DbSet<FeedbackResponse> Responses => Set<FeedbackResponse>();
    public DbSet<JournalCase> JournalCases => Set<JournalCase>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<RoundGuestLink> GuestLinks => Set<RoundGuestLink>();
    public DbSet<RoundGuestPass> GuestPasses => Set<RoundGuestPass>();

    protected override string Schema => Store;

    // Every save tells the register's and the rounds' pages that something changed (FeedbackLive).
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Register.FeedbackLive.StageChanges(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InputRound>(round =>
        {
            round.Property(r => r.Title).HasMaxLength(200);
            round.Property(r => r.Description).HasMaxLength(4000);
            round.Property(r => r.CreatedBy).HasMaxLength(200);
            round.HasIndex(r => r.Deadline);
            round.HasMany(r => r.Questions).WithOne().HasForeignKey(q => q.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        GuestLinkMapping.Map<RoundGuestLink, RoundGuestPass>(modelBuilder);
        modelBuilder.Entity<RoundGuestLink>(link =>
        {
            link.HasIndex(l => l.RoundId);
            link.HasOne<InputRound>().WithMany().HasForeignKey(l => l.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RoundQuestion>(question => question.Property(q => q.Text).HasMaxLength(1000));

        modelBuilder.Entity<FeedbackItem>(item =>
        {
            item.Property(i => i.Reference).HasMaxLength(20);
            item.HasIndex(i => i.Reference).IsUnique();
            item.Property(i => i.Channel).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.Source).HasMaxLength(200);
            item.Property(i => i.ContributorType).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.OrganisationName).HasMaxLength(200);
            item.Property(i => i.OrganisationNumber).HasMaxLength(9);
            item.Property(i => i.ContributorName).HasMaxLength(200);
            item.Property(i => i.ContributorEmail).HasMaxLength(254);
            item.Property(i => i.Text).HasMaxLength(20000);
            item.Property(i => i.ExemptionBasis).HasMaxLength(500);
            item.Property(i => i.HandlerName).HasMaxLength(200);
            item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.Assessment).HasMaxLength(4000);
            item.Property(i => i.IdempotencyToken).HasMaxLength(64);
            item.Property(i => i.Language).HasMaxLength(2);

            // Unique, so a repeated post or a re-sent meeting entry cannot be stored twice even when two arrive at once.
            item.HasIndex(i => i.IdempotencyToken).IsUnique();
            item.HasIndex(i => i.MeetingEntryId).IsUnique();
            item.HasIndex(i => new { i.RoundId, i.ReceivedAt });
            // A round's items in one state, newest first (the register's list filtered by round and status): counted
            // from the index alone and paged without testing the state of every item of the round.
            item.HasIndex(i => new { i.RoundId, i.Status, i.ReceivedAt, i.Id }).IsDescending(false, false, true, false);
            // The register's order (newest first, then Id), so a search walks the newest items and stops at its cap
            // instead of sorting every hit (ListItems.ListAsync).
            item.HasIndex(i => new { i.ReceivedAt, i.Id }).IsDescending(true, false);
            item.HasIndex(i => i.ContributorEmail);
            item.HasOne<InputRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Restrict);

            item.HasMany(i => i.Answers).WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.Attachments).WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.Workstreams).WithOne().HasForeignKey(w => w.ItemId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.Initiatives).WithOne().HasForeignKey(w => w.ItemId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.Tags).WithOne().HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Cascade);
        });

        // Unique numbers, so two journal runs at once (two nodes) cannot give one number twice: the loser retries.
        modelBuilder.Entity<JournalCase>(journalCase =>
        {
            journalCase.Property(c => c.Key).HasMaxLength(100);
            journalCase.Property(c => c.Title).HasMaxLength(300);
            journalCase.HasIndex(c => c.Key).IsUnique();
            journalCase.HasIndex(c => new { c.Year, c.Sequence }).IsUnique();
        });

        modelBuilder.Entity<JournalEntry>(entry =>
        {
            entry.Property(e => e.SourceKind).HasMaxLength(20);
            entry.HasIndex(e => new { e.SourceKind, e.SourceId }).IsUnique();
            entry.HasIndex(e => new { e.Year, e.Sequence }).IsUnique();
            entry.HasIndex(e => new { e.CaseId, e.DocumentNumber }).IsUnique();
            entry.HasIndex(e => e.JournalledAt);
            entry.HasOne<JournalCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<FeedbackResponse>(response =>
        {
            response.Property(r => r.Summary).HasMaxLength(2000);
            response.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
            response.Property(r => r.Text).HasMaxLength(4000);
            response.Property(r => r.UpdatedBy).HasMaxLength(200);
            response.HasIndex(r => new { r.Published, r.PublishedAt });
            response.HasOne<FeedbackItem>().WithOne().HasForeignKey<FeedbackResponse>(r => r.Id).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<FeedbackAnswer>(answer =>
        {
            answer.Property(a => a.Question).HasMaxLength(1000);
            answer.Property(a => a.Text).HasMaxLength(10000);
        });
        modelBuilder.Entity<FeedbackAttachment>(attachment =>
        {
            attachment.Property(a => a.FileName).HasMaxLength(200);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
        });
        modelBuilder.Entity<FeedbackWorkstream>(w =>
        {
            w.HasKey(x => new { x.ItemId, x.WorkstreamId });
            w.HasIndex(x => x.WorkstreamId);
        });
        modelBuilder.Entity<FeedbackInitiative>(i =>
        {
            i.HasKey(x => new { x.ItemId, x.InitiativeId });
            i.HasIndex(x => x.InitiativeId);
        });
        modelBuilder.Entity<FeedbackTag>(t =>
        {
            t.HasKey(x => new { x.ItemId, x.Tag });
            t.Property(x => x.Tag).HasMaxLength(60);
            t.HasIndex(x => x.Tag);
        });
    }
}

// Carries the SQLite migrations (Migrations/Sqlite); the model is the same.
internal sealed class SqliteFeedbackDbContext(DbContextOptions<SqliteFeedbackDbContext> options) : FeedbackDbContext(options);

// Carries the PostgreSQL migrations (Migrations/PostgreSql); the model is the same.
internal sealed class PostgresFeedbackDbContext(DbContextOptions<PostgresFeedbackDbContext> options) : FeedbackDbContext(options);

internal sealed class FeedbackDesignTimeFactory : IDesignTimeDbContextFactory<FeedbackDbContext>
{
    public FeedbackDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>()
            .UseSqlServer("Server=design-time;Database=Samordning", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", FeedbackDbContext.Store))
            .Options);
}

internal sealed class SqliteFeedbackDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFeedbackDbContext>
{
    public SqliteFeedbackDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFeedbackDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresFeedbackDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFeedbackDbContext>
{
    public PostgresFeedbackDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFeedbackDbContext>()
            .UseNpgsql("Host=design-time;Database=samordning", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", FeedbackDbContext.Store))
            .Options);
}
