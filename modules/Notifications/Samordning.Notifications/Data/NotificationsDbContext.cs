using Microsoft.EntityFrameworkCore.Design;

namespace Samordning.Notifications.Data;

// The model, and the SQL Server migrations (Migrations/SqlServer).
internal class NotificationsDbContext : ModuleDbContext
{
    public const string Store = "notifications";

    public NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : base(options)
    {
    }

    protected NotificationsDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<ReminderLogEntry> ReminderLog => Set<ReminderLogEntry>();
    public DbSet<MailMessage> Mail => Set<MailMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();
    public DbSet<ActivityPreference> ActivityPreferences => Set<ActivityPreference>();
    public DbSet<WorkstreamFollow> Follows => Set<WorkstreamFollow>();
    public DbSet<DigestItem> DigestItems => Set<DigestItem>();
    public DbSet<StoredReminderPolicy> ReminderPolicies => Set<StoredReminderPolicy>();

    protected override string Schema => Store;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReminderLogEntry>(entry =>
        {
            entry.ToTable("ReminderLog");
            entry.Property(e => e.DeadlineKey).HasMaxLength(200);
            entry.Property(e => e.Offset).HasMaxLength(60);
            entry.Property(e => e.Channel).HasMaxLength(10);
            entry.Property(e => e.Kind).HasMaxLength(60);
            entry.Property(e => e.Title).HasMaxLength(400);
            entry.Property(e => e.TitleEn).HasMaxLength(400);
            entry.Property(e => e.TitleNn).HasMaxLength(400);
            entry.Property(e => e.Link).HasMaxLength(500);
            entry.Property(e => e.RecipientName).HasMaxLength(200);
            entry.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Error).HasMaxLength(1000);
            entry.Property(e => e.MailKey).HasMaxLength(300);
            entry.HasIndex(e => new { e.DeadlineKey, e.DueAt, e.RecipientId, e.Offset, e.Channel }).IsUnique();
            // Only the daily digest asks by state, and only for the few rows held for it: a filtered index stays
            // small, and the sweep's thousands of queued rows do not have to maintain it.
            entry.HasIndex(e => e.RecipientId, "IX_ReminderLog_AwaitingDigest").HasFilter("\"State\" = 'AwaitingDigest'");
            entry.HasIndex(e => e.ClaimedAt);
        });

        modelBuilder.Entity<MailMessage>(mail =>
        {
            mail.ToTable("Mail");
            mail.Property(m => m.Key).HasMaxLength(300);
            mail.Property(m => m.ToAddress).HasMaxLength(320);
            mail.Property(m => m.ToName).HasMaxLength(200);
            mail.Property(m => m.Subject).HasMaxLength(400);
            mail.Property(m => m.TextBody).HasMaxLength(100_000);
            mail.Property(m => m.HtmlBody).HasMaxLength(200_000);
            mail.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            mail.Property(m => m.LastError).HasMaxLength(1000);
            mail.Property(m => m.CalendarMethod).HasMaxLength(10);
            mail.Property(m => m.Calendar).HasMaxLength(100_000);
            mail.HasIndex(m => m.Key).IsUnique();
            mail.HasIndex(m => new { m.State, m.NextAttemptAt });
        });

        modelBuilder.Entity<Notification>(notification =>
        {
            notification.Property(n => n.Key).HasMaxLength(300);
            notification.Property(n => n.TitleNb).HasMaxLength(400);
            notification.Property(n => n.TitleEn).HasMaxLength(400);
            notification.Property(n => n.TitleNn).HasMaxLength(400);
            notification.Property(n => n.Link).HasMaxLength(500);
            notification.HasIndex(n => new { n.PersonId, n.Key }).IsUnique();
            notification.HasIndex(n => new { n.PersonId, n.ReadAt });
        });

        modelBuilder.Entity<NotificationPreference>(preference => preference.HasKey(p => p.PersonId));

        modelBuilder.Entity<ActivityPreference>(preference =>
        {
            preference.HasKey(p => new { p.PersonId, p.Kind });
            preference.Property(p => p.Kind).HasMaxLength(60);
        });

        modelBuilder.Entity<WorkstreamFollow>(follow =>
        {
            follow.HasKey(f => new { f.PersonId, f.WorkstreamId });
            follow.HasIndex(f => f.WorkstreamId);
        });

        modelBuilder.Entity<DigestItem>(item =>
        {
            item.Property(i => i.EventKey).HasMaxLength(200);
            item.Property(i => i.Kind).HasMaxLength(60);
            item.Property(i => i.TitleNb).HasMaxLength(400);
            item.Property(i => i.TitleEn).HasMaxLength(400);
            item.Property(i => i.TitleNn).HasMaxLength(400);
            item.Property(i => i.Link).HasMaxLength(500);
            item.Property(i => i.MailKey).HasMaxLength(300);
            item.HasIndex(i => new { i.PersonId, i.EventKey }).IsUnique();
            item.HasIndex(i => i.MailKey);
        });

        modelBuilder.Entity<StoredReminderPolicy>(policy =>
        {
            policy.ToTable("ReminderPolicies");
            policy.Property(p => p.Kind).HasMaxLength(60);
            policy.Property(p => p.Offsets).HasMaxLength(100);
            policy.HasIndex(p => p.Kind).IsUnique();
        });
    }
}

// Carries the SQLite migrations (Migrations/Sqlite); the model is the same.
internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

// Carries the PostgreSQL migrations (Migrations/PostgreSql); the model is the same.
internal sealed class PostgresNotificationsDbContext(DbContextOptions<PostgresNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class NotificationsDesignTimeFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotificationsDbContext>()
            .UseSqlServer("Server=design-time;Database=Samordning", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", NotificationsDbContext.Store))
            .Options);
}

internal sealed class SqliteNotificationsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNotificationsDbContext>
{
    public SqliteNotificationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNotificationsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresNotificationsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNotificationsDbContext>
{
    public PostgresNotificationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNotificationsDbContext>()
            .UseNpgsql("Host=design-time;Database=samordning", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", NotificationsDbContext.Store))
            .Options);
}
