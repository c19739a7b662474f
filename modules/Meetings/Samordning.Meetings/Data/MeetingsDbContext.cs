using Microsoft.EntityFrameworkCore.Design;
using Samordning.Meetings.Calendar;
using Samordning.Meetings.Dialogue;
using Samordning.Meetings.Entries;

namespace Samordning.Meetings.Data;

// The model, and the SQL Server migrations (Migrations/SqlServer).
internal class MeetingsDbContext : ModuleDbContext
{
    public const string Store = "meetings";

    public MeetingsDbContext(DbContextOptions<MeetingsDbContext> options) : base(options)
    {
    }

    protected MeetingsDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingParticipant> Participants => Set<MeetingParticipant>();
    public DbSet<MeetingEntry> Entries => Set<MeetingEntry>();
    public DbSet<EntryRevision> EntryRevisions => Set<EntryRevision>();
    public DbSet<MeetingMaterial> Materials => Set<MeetingMaterial>();
    public DbSet<MaterialContent> MaterialContents => Set<MaterialContent>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<MeetingQuestion> Questions => Set<MeetingQuestion>();
    public DbSet<QuestionVote> QuestionVotes => Set<QuestionVote>();
    public DbSet<MeetingPoll> Polls => Set<MeetingPoll>();
    public DbSet<PollBallot> PollBallots => Set<PollBallot>();
    public DbSet<PollChoice> PollChoices => Set<PollChoice>();
    public DbSet<SupplierDialogue> SupplierDialogues => Set<SupplierDialogue>();
    public DbSet<DialogueSupplier> DialogueSuppliers => Set<DialogueSupplier>();
    public DbSet<DialogueSlot> DialogueSlots => Set<DialogueSlot>();
    public DbSet<DialogueInformation> DialogueInformation => Set<DialogueInformation>();
    public DbSet<DialogueQuestion> DialogueQuestions => Set<DialogueQuestion>();
    public DbSet<GuestLink> GuestLinks => Set<GuestLink>();
    public DbSet<GuestPass> GuestPasses => Set<GuestPass>();

    protected override string Schema => Store;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(meeting =>
        {
            meeting.Property(m => m.Id).ValueGeneratedNever();
            meeting.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            meeting.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
            meeting.Property(m => m.Title).HasMaxLength(200);
            meeting.Property(m => m.Description).HasMaxLength(4000);
            meeting.Property(m => m.Place).HasMaxLength(300);
            meeting.Property(m => m.OnlineLink).HasMaxLength(2000);
            meeting.Property(m => m.OrganisingMinistryCode).HasMaxLength(10);
            meeting.HasIndex(m => m.StartsAt);
            meeting.HasMany(m => m.Facilitators).WithOne().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.Workstreams).WithOne().HasForeignKey(w => w.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.Initiatives).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MeetingFacilitator>(f =>
        {
            f.HasKey(x => new { x.MeetingId, x.PersonId });
            f.Property(x => x.Name).HasMaxLength(200);
            f.HasIndex(x => x.PersonId);
        });

        modelBuilder.Entity<MeetingParticipant>(p =>
        {
            // Ids are made in code: a new participant added to a tracked meeting is an insert, not an update.
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.OrganisationNumber).HasMaxLength(9);
            p.HasIndex(x => x.PersonId);
            p.HasIndex(x => x.MinistryId);
        });

        modelBuilder.Entity<AgendaItem>(a =>
        {
            a.Property(x => x.Title).HasMaxLength(300);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.HasIndex(x => x.WorkstreamId);
            a.HasIndex(x => x.InitiativeId);
        });

        modelBuilder.Entity<MeetingWorkstream>(w =>
        {
            w.HasKey(x => new { x.MeetingId, x.WorkstreamId });
            w.HasIndex(x => x.WorkstreamId);
        });

        modelBuilder.Entity<MeetingInitiative>(i =>
        {
            i.HasKey(x => new { x.MeetingId, x.InitiativeId });
            i.HasIndex(x => x.InitiativeId);
        });

        modelBuilder.Entity<MeetingEntry>(entry =>
        {
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.ActionStatus).HasConversion<string>().HasMaxLength(10);
            entry.Property(e => e.Text).HasMaxLength(EntryRules.MaxTextLength);
            entry.Property(e => e.OwnerName).HasMaxLength(200);
            entry.Property(e => e.OrganisationName).HasMaxLength(200);
            entry.Property(e => e.OrganisationNumber).HasMaxLength(9);
            entry.Property(e => e.AuthorName).HasMaxLength(200);
            entry.HasIndex(e => new { e.MeetingId, e.CreatedAt });
            entry.HasIndex(e => new { e.OwnerPersonId, e.ActionStatus });
            entry.HasIndex(e => e.WorkstreamId);
            entry.HasIndex(e => e.InitiativeId);
            entry.HasOne<Meeting>().WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EntryRevision>(revision =>
        {
            revision.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            revision.Property(r => r.Text).HasMaxLength(EntryRules.MaxTextLength);
            revision.Property(r => r.By).HasMaxLength(200);
            revision.HasIndex(r => new { r.EntryId, r.Version }).IsUnique();
            revision.HasOne<MeetingEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MeetingMaterial>(material =>
        {
            material.Property(m => m.Id).ValueGeneratedNever();
            material.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            material.Property(m => m.Title).HasMaxLength(200);
            material.Property(m => m.Url).HasMaxLength(2000);
            material.Property(m => m.FileName).HasMaxLength(255);
            material.Property(m => m.ContentType).HasMaxLength(100);
            material.Property(m => m.AddedBy).HasMaxLength(200);
            material.HasIndex(m => m.MeetingId);
            material.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CalendarFeed>(feed =>
        {
            feed.HasKey(f => f.PersonId);
            feed.Property(f => f.PersonId).ValueGeneratedNever();
            feed.Property(f => f.Token).HasMaxLength(64);
            feed.HasIndex(f => f.Token).IsUnique();
        });

        ConfigureAudience(modelBuilder);
        DialogueModel.Configure(modelBuilder);
        ConfigureGuests(modelBuilder);

        modelBuilder.Entity<MaterialContent>(content =>
        {
            content.HasKey(c => c.MaterialId);
            content.HasOne<MeetingMaterial>().WithOne().HasForeignKey<MaterialContent>(c => c.MaterialId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    // Guest links: found by the hash of their token, never by the token itself.
    private static void ConfigureGuests(ModelBuilder modelBuilder)
    {
        GuestLinkMapping.Map<GuestLink, GuestPass>(modelBuilder);
        modelBuilder.Entity<GuestLink>(link =>
        {
            link.HasIndex(l => l.MeetingId);
            link.HasOne<Meeting>().WithMany().HasForeignKey(l => l.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    // Live questions and polls. The keys of votes and ballots are the "once per person" rule itself.
    private static void ConfigureAudience(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MeetingQuestion>(question =>
        {
            question.Property(q => q.Id).ValueGeneratedNever();
            question.Property(q => q.Text).HasMaxLength(Samordning.Meetings.Questions.QuestionRequest.MaxTextLength);
            question.Property(q => q.AskerName).HasMaxLength(200);
            question.Property(q => q.Answer).HasMaxLength(Samordning.Meetings.Questions.QuestionRequest.MaxTextLength);
            question.HasIndex(q => q.MeetingId);
            question.HasOne<Meeting>().WithMany().HasForeignKey(q => q.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<QuestionVote>(vote =>
        {
            vote.HasKey(v => new { v.QuestionId, v.PersonId });
            vote.HasOne<MeetingQuestion>().WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MeetingPoll>(poll =>
        {
            poll.Property(p => p.Id).ValueGeneratedNever();
            poll.Property(p => p.Question).HasMaxLength(Samordning.Meetings.Polls.PollRequest.MaxTextLength);
            poll.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
            poll.HasIndex(p => p.MeetingId);
            poll.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
            poll.HasMany(p => p.Options).WithOne().HasForeignKey(o => o.PollId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PollOption>(option =>
        {
            option.Property(o => o.Id).ValueGeneratedNever();
            option.Property(o => o.Text).HasMaxLength(Samordning.Meetings.Polls.PollRequest.MaxOptionLength);
        });

        modelBuilder.Entity<PollBallot>(ballot =>
        {
            ballot.HasKey(b => new { b.PollId, b.PersonId });
            ballot.HasOne<MeetingPoll>().WithMany().HasForeignKey(b => b.PollId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PollChoice>(choice =>
        {
            choice.HasKey(c => new { c.PollId, c.PersonId, c.OptionId });
            choice.HasOne<PollBallot>().WithMany().HasForeignKey(c => new { c.PollId, c.PersonId }).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

// Carries the SQLite migrations (Migrations/Sqlite); the model is the same.
internal sealed class SqliteMeetingsDbContext(DbContextOptions<SqliteMeetingsDbContext> options) : MeetingsDbContext(options);

// Carries the PostgreSQL migrations (Migrations/PostgreSql); the model is the same.
internal sealed class PostgresMeetingsDbContext(DbContextOptions<PostgresMeetingsDbContext> options) : MeetingsDbContext(options);

internal sealed class MeetingsDesignTimeFactory : IDesignTimeDbContextFactory<MeetingsDbContext>
{
    public MeetingsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MeetingsDbContext>()
            .UseSqlServer("Server=design-time;Database=Samordning", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", MeetingsDbContext.Store))
            .Options);
}

internal sealed class SqliteMeetingsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMeetingsDbContext>
{
    public SqliteMeetingsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMeetingsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresMeetingsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMeetingsDbContext>
{
    public PostgresMeetingsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMeetingsDbContext>()
            .UseNpgsql("Host=design-time;Database=samordning", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", MeetingsDbContext.Store))
            .Options);
}
