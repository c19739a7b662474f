using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samordning.Notifications.Data;
using Samordning.Notifications.InApp;
using Samordning.Notifications.Mail;
using Samordning.Notifications.Sweep;
using Samordning.Shared.Text;

namespace Samordning.Notifications;

/// <summary>Notifications: the deadline reminder sweep, the reminder log, in-app notifications and mail.</summary>
public sealed class NotificationsModule : IModule
{
    /// <inheritdoc />
    public string Name => NotificationsDbContext.Store;

    /// <inheritdoc />
    public IEnumerable<NavigationLink> Navigation =>
    [
        new("/varsler", new LocalizedText("Varsler", "Notifications")),
        new("/varsler/innstillinger", new LocalizedText("Varselinnstillinger", "Notification settings")),
        new("/varsler/utsendelser", new LocalizedText("Utsendte påminnelser", "Reminders sent"), Policies.ManageRegistry),
        new("/varsler/paminnelsesregler", new LocalizedText("Påminnelsesregler", "Reminder rules"), Policies.Coordinator),
    ];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(configuration, NotificationsDbContext.Store);
        services.AddOptions<NotificationsOptions>()
            .Bind(configuration.GetSection(NotificationsOptions.Section))
            .Validate(o => o.Policies.Values.SelectMany(p => p).All(code => Scheduling.ReminderOffset.TryParse(code, out _)),
                "Modules:Notifications:Policies holds an offset that is not 7d, 2wd, 0d or overdue.")
            .Validate(o => o.SendFromHour is >= 0 and < 24 && o.SendUntilHour > o.SendFromHour && o.SendUntilHour <= 24,
                "Modules:Notifications:SendFromHour/SendUntilHour must be hours of the day, from before until.")
            .Validate(o => o.Retention.MailDays >= 1 && o.Retention.NotificationDays >= 1,
                "Modules:Notifications:Retention:MailDays and NotificationDays must be at least one day.")
            .ValidateOnStart();

        var dataFolder = Path.GetFullPath(DatabaseSettings.From(configuration).DataFolder);
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NotificationsOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Smtp.Host)
                ? new PickupFolderTransport(Path.Combine(dataFolder, options.PickupFolder ?? "mail-pickup"))
                : new SmtpMailTransport(sp.GetRequiredService<IOptions<NotificationsOptions>>());
        });
        services.AddScoped<MailDelivery>();
        services.AddSingleton<Samordning.Shared.Observability.IBacklogProbe, MailBacklog>();
        services.AddScoped<ReminderSender>();
        services.AddScoped<ReminderClaimStore>();
        services.AddScoped<DailyDigest>();
        services.AddScoped<LiveNotifications>();
        services.AddScoped<Samordning.Shared.Activity.IWorkstreamFollows, Activity.WorkstreamFollows>();
        services.AddScoped<ReminderSweep>();
        services.AddScoped<Rules.ReminderPolicies>();
        services.AddScoped<Activity.ActivityDigest>();
    }
}
