using Microsoft.EntityFrameworkCore.Design;

namespace Samordning.Workstreams.Data;

// The model, and the SQL Server migrations (Migrations/SqlServer).
internal class WorkstreamsDbContext : ModuleDbContext
{
    public const string Store = "workstreams";

    public WorkstreamsDbContext(DbContextOptions<WorkstreamsDbContext> options) : base(options)
    {
    }

    protected WorkstreamsDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Workstream> Workstreams => Set<Workstream>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<MinistryInitiative> MinistryInitiatives => Set<MinistryInitiative>();
    public DbSet<ProgressEntry> ProgressEntries => Set<ProgressEntry>();
    public DbSet<DashboardCell> DashboardCells => Set<DashboardCell>();
    public DbSet<DashboardVersion> DashboardVersions => Set<DashboardVersion>();
    public DbSet<PhaseSnapshot> PhaseSnapshots => Set<PhaseSnapshot>();
    public DbSet<ReportingRound> ReportingRounds => Set<ReportingRound>();
    public DbSet<RoundConfirmation> RoundConfirmations => Set<RoundConfirmation>();
    public DbSet<RoundSubmission> RoundSubmissions => Set<RoundSubmission>();
    public DbSet<InitiativeImport> InitiativeImports => Set<InitiativeImport>();
    public DbSet<StatusReport> StatusReports => Set<StatusReport>();
    public DbSet<StatusReportContent> StatusReportContents => Set<StatusReportContent>();
    public DbSet<OverlapDecision> OverlapDecisions => Set<OverlapDecision>();
    public DbSet<Milestone> Milestones => Set<Milestone>();

    protected override string Schema => Store;

    // Whatever a save changes may be on the dashboard (initiatives, workstreams, rounds and their answers), so every
    // save with changes moves the dashboard's version in its own transaction: a node's kept dashboard
    // (DashboardSnapshot) is then never older than what is committed.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangeTracker.HasChanges())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var listings = ListingChanges.Of(ChangeTracker);
        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = SaveWith(listings.Added, () => base.SaveChanges(acceptAllChangesOnSuccess));
        foreach (var (phase, updatedAt, ids) in listings.MovedTogether())
        {
            MinistryInitiatives.Where(l => ids.Contains(l.InitiativeId))
                .ExecuteUpdate(set => set.SetProperty(l => l.Phase, phase).SetProperty(l => l.UpdatedAt, updatedAt));
        }

        if (listings.Rewritten.Count > 0)
        {
            MinistryInitiatives.Where(l => listings.Rewritten.Contains(l.InitiativeId)).ExecuteDelete();
            var rewritten = Listings(listings.Rewritten).ToList();
            MinistryInitiatives.AddRange(rewritten);
            base.SaveChanges(acceptAllChangesOnSuccess: true);
            Detach(rewritten);
        }

        DashboardVersions.Where(v => v.Id == DashboardVersion.SingleId).ExecuteUpdate(set => set.SetProperty(v => v.Version, v => v.Version + 1));
        transaction?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.HasChanges())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var listings = ListingChanges.Of(ChangeTracker);
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await SaveWithAsync(listings.Added, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
        foreach (var (phase, updatedAt, ids) in listings.MovedTogether())
        {
            await MinistryInitiatives.Where(l => ids.Contains(l.InitiativeId))
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Phase, phase).SetProperty(l => l.UpdatedAt, updatedAt), cancellationToken);
        }

        if (listings.Rewritten.Count > 0)
        {
            await MinistryInitiatives.Where(l => listings.Rewritten.Contains(l.InitiativeId)).ExecuteDeleteAsync(cancellationToken);
            var rewritten = await Listings(listings.Rewritten).ToListAsync(cancellationToken);
            MinistryInitiatives.AddRange(rewritten);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            Detach(rewritten);
        }

        await BumpDashboardVersionAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    // The listings of the initiatives as saved, for those whose owner or collaborators changed (ListingChanges): the
    // owner's and each collaborator's (once, should the owner also be among the collaborators).
    private IQueryable<MinistryInitiative> Listings(List<Guid> initiativeIds)
    {
        var owners = Initiatives.Where(i => initiativeIds.Contains(i.Id))
            .Select(i => new MinistryInitiative { MinistryId = i.OwningMinistryId, InitiativeId = i.Id, Phase = i.Phase, UpdatedAt = i.UpdatedAt });
        var collaborators = Set<InitiativeMinistry>().Where(m => initiativeIds.Contains(m.InitiativeId))
            .Join(Initiatives, m => m.InitiativeId, i => i.Id, (m, i) => new MinistryInitiative { MinistryId = m.MinistryId, InitiativeId = i.Id, Phase = i.Phase, UpdatedAt = i.UpdatedAt });
        return owners.Union(collaborators).AsNoTracking();
    }

    // The new initiatives' listings go in the same batch as the initiatives, and are let go even when the save fails
    // (a conflict), so that trying again in this context does not find them tracked twice.
    private T SaveWith<T>(List<MinistryInitiative> listings, Func<T> save)
    {
        MinistryInitiatives.AddRange(listings);
        try
        {
            return save();
        }
        finally
        {
            Detach(listings);
        }
    }

    private async Task<T> SaveWithAsync<T>(List<MinistryInitiative> listings, Func<Task<T>> save)
    {
        MinistryInitiatives.AddRange(listings);
        try
        {
            return await save();
        }
        finally
        {
            Detach(listings);
        }
    }

    // Let go once saved, so that a later save of the same initiative in this context can write them again after
    // deleting them in the database.
    private void Detach(List<MinistryInitiative> listings)
    {
        foreach (var listing in listings)
        {
            Entry(listing).State = EntityState.Detached;
        }
    }

    // The counts' own version (DashboardVersion.CountsId), moved by DashboardAggregates beside the module's, and the
    // number it moved to. In a transaction the row stays this transaction's until it commits, so the number read back
    // is its own, and the numbers are handed out in the order the changes commit.
    public async Task<long> BumpDashboardCountsVersionAsync(CancellationToken cancellationToken)
    {
        await DashboardVersions.Where(v => v.Id == DashboardVersion.CountsId)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
        return await DashboardVersions.Where(v => v.Id == DashboardVersion.CountsId).Select(v => v.Version).SingleAsync(cancellationToken);
    }

    public Task<int> BumpDashboardVersionAsync(CancellationToken cancellationToken) =>
        DashboardVersions.Where(v => v.Id == DashboardVersion.SingleId)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Milestone>(milestone =>
        {
            milestone.Property(m => m.TitleNb).HasMaxLength(200);
            milestone.Property(m => m.TitleEn).HasMaxLength(200);
            milestone.Property(m => m.TitleNn).HasMaxLength(200);
            milestone.Property(m => m.DescriptionNb).HasMaxLength(4000);
            milestone.Property(m => m.DescriptionEn).HasMaxLength(4000);
            milestone.Property(m => m.DescriptionNn).HasMaxLength(4000);
            milestone.HasIndex(m => new { m.Published, m.Date });
        });

        modelBuilder.Entity<Workstream>(workstream =>
        {
            workstream.Property(w => w.TitleNb).HasMaxLength(200);
            workstream.Property(w => w.TitleEn).HasMaxLength(200);
            workstream.Property(w => w.TitleNn).HasMaxLength(200);
            workstream.Property(w => w.Description).HasMaxLength(4000);
            workstream.Property(w => w.OwnerName).HasMaxLength(200);
            workstream.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
            workstream.HasIndex(w => w.TitleNb).IsUnique();
        });

        modelBuilder.Entity<Initiative>(initiative =>
        {
            initiative.Property(i => i.Title).HasMaxLength(200);
            initiative.Property(i => i.Summary).HasMaxLength(4000);
            initiative.Property(i => i.OwningMinistryCode).HasMaxLength(10);
            initiative.Property(i => i.Phase).HasConversion<string>().HasMaxLength(20);
            initiative.Property(i => i.Status).HasConversion<string>().HasMaxLength(10);
            initiative.Property(i => i.StatusReason).HasMaxLength(1000);
            initiative.Property(i => i.ContactPersonName).HasMaxLength(200);
            initiative.Property(i => i.ExpectedResults).HasMaxLength(4000);
            initiative.Property(i => i.AchievedResults).HasMaxLength(4000);
            initiative.Property(i => i.SearchText).HasMaxLength(12000);
            initiative.Property(i => i.Reference).HasMaxLength(InitiativeImport.MaxReferenceLength);
            // Unique per ministry when given (NULLs are distinct on SQLite and PostgreSQL; SQL Server gets an IS NOT NULL filter).
            initiative.HasIndex(i => new { i.OwningMinistryId, i.Reference }).IsUnique();
            initiative.HasIndex(i => new { i.OwningMinistryId, i.Phase });
            // Newest change first, ties by id: the order of every initiative list, so a page walks the index and stops.
            initiative.HasIndex(i => new { i.UpdatedAt, i.Id }, "IX_Initiatives_UpdatedAt_Id").IsDescending(true, false);
            // "Not confirmed for 60 days" and the list sorted by freshness (oldest confirmation first) walk this index.
            initiative.HasIndex(i => new { i.StatusConfirmedAt, i.Id }, "IX_Initiatives_StatusConfirmedAt_Id");
            // The dashboard's "not confirmed for 60 days" per owning ministry, counted on every request: read from this
            // index alone (a skip-scan per ministry on SQLite) instead of looking up every stale initiative's row.
            initiative.HasIndex(i => new { i.OwningMinistryId, i.StatusConfirmedAt });
            // A ministry's initiatives by title, ties by id, with the phase: a round's unconfirmed list walks this index
            // in its order and stops after a page, and counts them from it, without reading any initiative's row
            // (the phase is a key column, not an INCLUDE, so SQLite, which has none, covers the query too).
            initiative.HasIndex(i => new { i.OwningMinistryId, i.Title, i.Id, i.Phase }, "IX_Initiatives_OwningMinistryId_Title_Id_Phase");

            initiative.HasMany(i => i.CollaboratingMinistries).WithOne().HasForeignKey(m => m.InitiativeId).OnDelete(DeleteBehavior.Cascade);
            initiative.HasMany(i => i.Agencies).WithOne().HasForeignKey(a => a.InitiativeId).OnDelete(DeleteBehavior.Cascade);
            initiative.HasMany(i => i.Workstreams).WithOne().HasForeignKey(w => w.InitiativeId).OnDelete(DeleteBehavior.Cascade);
            initiative.HasMany(i => i.Tags).WithOne().HasForeignKey(t => t.InitiativeId).OnDelete(DeleteBehavior.Cascade);
            initiative.HasMany(i => i.Links).WithOne().HasForeignKey(l => l.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InitiativeMinistry>(m =>
        {
            m.HasKey(x => new { x.InitiativeId, x.MinistryId });
            m.Property(x => x.MinistryCode).HasMaxLength(10);
            m.HasIndex(x => x.MinistryId);
        });
        modelBuilder.Entity<MinistryInitiative>(listing =>
        {
            listing.HasKey(l => new { l.InitiativeId, l.MinistryId });
            listing.Property(l => l.Phase).HasConversion<string>().HasMaxLength(20);
            // The list's order within a ministry, with or without a phase: a page walks one of these and stops.
            listing.HasIndex(l => new { l.MinistryId, l.Phase, l.UpdatedAt, l.InitiativeId }).IsDescending(false, false, true, false);
            listing.HasIndex(l => new { l.MinistryId, l.UpdatedAt, l.InitiativeId }).IsDescending(false, true, false);
            listing.HasOne<Initiative>().WithMany().HasForeignKey(l => l.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<InitiativeAgency>(a =>
        {
            a.HasKey(x => new { x.InitiativeId, x.AgencyId });
            a.Property(x => x.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<InitiativeWorkstream>(w =>
        {
            w.HasKey(x => new { x.InitiativeId, x.WorkstreamId });
            w.HasIndex(x => x.WorkstreamId);
            w.HasOne<Workstream>().WithMany().HasForeignKey(x => x.WorkstreamId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<InitiativeTag>(t =>
        {
            t.HasKey(x => new { x.InitiativeId, x.Tag });
            t.Property(x => x.Tag).HasMaxLength(60);
            t.HasIndex(x => x.Tag);
        });
        modelBuilder.Entity<InitiativeLink>(l =>
        {
            l.Property(x => x.Url).HasMaxLength(2000);
            l.Property(x => x.Title).HasMaxLength(200);
        });

        modelBuilder.Entity<ProgressEntry>(entry =>
        {
            entry.Property(e => e.PersonName).HasMaxLength(200);
            entry.Property(e => e.Phase).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
            entry.Property(e => e.StatusReason).HasMaxLength(1000);
            entry.Property(e => e.Note).HasMaxLength(4000);
            entry.HasIndex(e => new { e.InitiativeId, e.At });
            entry.HasOne<Initiative>().WithMany().HasForeignKey(e => e.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DashboardCell>(cell =>
        {
            cell.Property(c => c.MinistryCode).HasMaxLength(10);
            cell.Property(c => c.Phase).HasConversion<string>().HasMaxLength(20);
            cell.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
            cell.HasIndex(c => new { c.MinistryId, c.WorkstreamId, c.Phase, c.Status }).IsUnique();
            cell.HasIndex(c => c.CountsVersion);
        });

        modelBuilder.Entity<DashboardVersion>(version =>
        {
            version.Property(v => v.Id).ValueGeneratedNever();
            version.HasData(
                new DashboardVersion { Id = DashboardVersion.SingleId, Version = 0 },
                new DashboardVersion { Id = DashboardVersion.CountsId, Version = 0 });
        });

        modelBuilder.Entity<PhaseSnapshot>(snapshot =>
        {
            snapshot.HasKey(s => new { s.Day, s.Phase });
            snapshot.Property(s => s.Phase).HasConversion<string>().HasMaxLength(20);
            snapshot.HasIndex(s => s.CountsVersion);
        });

        modelBuilder.Entity<ReportingRound>(round =>
        {
            round.Property(r => r.Title).HasMaxLength(200);
            round.Property(r => r.Description).HasMaxLength(4000);
            round.Property(r => r.OpenedBy).HasMaxLength(200);
            round.HasIndex(r => r.Deadline);
        });

        modelBuilder.Entity<RoundConfirmation>(confirmation =>
        {
            confirmation.HasKey(c => new { c.RoundId, c.InitiativeId });
            confirmation.Property(c => c.PersonName).HasMaxLength(200);
            // The ministry's confirmations in a round, and those still counting among its running initiatives counted
            // from the index alone (the overview's "n of m not confirmed"), at any volume.
            confirmation.HasIndex(c => new { c.RoundId, c.MinistryId, c.CountsAsRunning });
            confirmation.HasOne<ReportingRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
            confirmation.HasOne<Initiative>().WithMany().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InitiativeImport>(import =>
        {
            import.Property(i => i.MinistryCode).HasMaxLength(10);
            import.Property(i => i.FileName).HasMaxLength(255);
            import.Property(i => i.Headers);
            import.Property(i => i.Rows);
            import.Property(i => i.Mapping).HasMaxLength(4000);
            import.HasIndex(i => i.ExpiresAt);
        });

        modelBuilder.Entity<StatusReport>(report =>
        {
            report.Property(r => r.MadeBy).HasMaxLength(200);
            report.Property(r => r.Language).HasMaxLength(5);
            report.HasIndex(r => r.MadeAt);
        });

        modelBuilder.Entity<StatusReportContent>(content =>
        {
            content.HasKey(c => c.ReportId);
            content.Property(c => c.Figures);
            content.Property(c => c.Document);
            content.HasOne<StatusReport>().WithOne().HasForeignKey<StatusReportContent>(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        // No foreign keys to the initiatives: two cascading keys to one table are refused by SQL Server, and a
        // decision about a pair is worth keeping as history even if one side went.
        modelBuilder.Entity<OverlapDecision>(decision =>
        {
            decision.Property(d => d.Verdict).HasConversion<string>().HasMaxLength(20);
            decision.Property(d => d.DecidedBy).HasMaxLength(200);
            decision.HasIndex(d => new { d.FirstId, d.SecondId }).IsUnique();
            decision.HasIndex(d => d.SecondId);
        });

        modelBuilder.Entity<RoundSubmission>(submission =>
        {
            submission.HasKey(s => new { s.RoundId, s.MinistryId });
            submission.Property(s => s.MinistryCode).HasMaxLength(10);
            submission.Property(s => s.PersonName).HasMaxLength(200);
            submission.HasOne<ReportingRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

// Carries the SQLite migrations (Migrations/Sqlite); the model is the same.
internal sealed class SqliteWorkstreamsDbContext(DbContextOptions<SqliteWorkstreamsDbContext> options) : WorkstreamsDbContext(options);

// Carries the PostgreSQL migrations (Migrations/PostgreSql); the model is the same.
internal sealed class PostgresWorkstreamsDbContext(DbContextOptions<PostgresWorkstreamsDbContext> options) : WorkstreamsDbContext(options);

internal sealed class WorkstreamsDesignTimeFactory : IDesignTimeDbContextFactory<WorkstreamsDbContext>
{
    public WorkstreamsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkstreamsDbContext>()
            .UseSqlServer("Server=design-time;Database=Samordning", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", WorkstreamsDbContext.Store))
            .Options);
}

internal sealed class SqliteWorkstreamsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkstreamsDbContext>
{
    public SqliteWorkstreamsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWorkstreamsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresWorkstreamsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkstreamsDbContext>
{
    public PostgresWorkstreamsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWorkstreamsDbContext>()
            .UseNpgsql("Host=design-time;Database=samordning", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", WorkstreamsDbContext.Store))
            .Options);
}
