using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Notifications.Contracts;
using Samordning.Notifications.Data;
using Samordning.Shared.Live;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Privacy;

// The retention jobs remove what has outlived its retention and keep what has not (docs/privacy.md).
public sealed class RetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NotificationsRetention_SentMailAndNotificationsPastRetention_RemovedWithFilesRecentKept()
    {
        await using var host = PrivacyHost.Start(new Dictionary<string, string?> { ["Modules:Notifications:Retention:MailDays"] = "30", ["Modules:Notifications:Retention:NotificationDays"] = "60" });
        var person = await host.Factory.PersonIdAsync(People.Observer, Ct);
        var start = host.Clock.UtcNow;
        var old = await SendAsync(host, person, "gammel");
        host.Clock.UtcNow = start.AddDays(20);
        var recent = await SendAsync(host, person, "ny");
        var orphan = Path.Combine(host.PickupFolder, $"{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(orphan, "To: someone@eksempel.no\r\n\r\nA message whose outbox row was erased.", Ct);
        var filesBefore = Directory.GetFiles(host.PickupFolder, "*.eml").Length;

        host.Clock.UtcNow = start.AddDays(40);
        await host.RunJobAsync("notifications.retention");

        var mail = await host.WithAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Mail.Where(m => m.Key.StartsWith("retention:")).Select(m => new { m.Key, m.Id }).ToListAsync(Ct));
        Assert.Equal(3, filesBefore);
        Assert.Equal([$"retention:{recent}"], mail.Select(m => m.Key));
        Assert.Equal([$"{mail[0].Id:N}.eml"], Directory.GetFiles(host.PickupFolder, "*.eml").Select(Path.GetFileName));
        Assert.Equal(
            [$"retention:{old}", $"retention:{recent}"],
            await host.WithAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Notifications.Where(n => n.Key.StartsWith("retention:")).OrderBy(n => n.CreatedAt).Select(n => n.Key).ToListAsync(Ct)));

        host.Clock.UtcNow = start.AddDays(61);
        await host.RunJobAsync("notifications.retention");

        Assert.Equal(
            [$"retention:{recent}"],
            await host.WithAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Notifications.Where(n => n.Key.StartsWith("retention:")).Select(n => n.Key).ToListAsync(Ct)));
    }

    [Fact]
    public async Task LiveItemRetention_ItemsPastRetention_RemovedExceptEachTopicsNewestNumberingGoesOn()
    {
        await using var host = PrivacyHost.Start(new Dictionary<string, string?> { ["Live:RetentionDays"] = "7" });
        var busy = $"test:{Guid.NewGuid():N}";
        var quiet = $"test:{Guid.NewGuid():N}";
        var start = host.Clock.UtcNow;
        await PublishAsync(host, (busy, "Kari Nordmann skrev 1"), (busy, "Kari Nordmann skrev 2"), (quiet, "Ola 1"), (quiet, "Ola 2"));
        host.Clock.UtcNow = start.AddDays(6);
        await PublishAsync(host, (busy, "Kari Nordmann skrev 3"));

        host.Clock.UtcNow = start.AddDays(8);
        await host.RunJobAsync("live.retention");
        await PublishAsync(host, (quiet, "Ola 3"));

        Assert.Equal([3L], (await ItemsAsync(host, busy)).Select(i => i.Sequence));
        Assert.Equal([2L, 3L], (await ItemsAsync(host, quiet)).Select(i => i.Sequence));
    }

    private static async Task<Guid> SendAsync(PrivacyHost host, Guid person, string what)
    {
        var key = Guid.NewGuid();
        await host.WithAsync(async sp =>
        {
            var sender = sp.GetRequiredService<INotificationSender>();
            await sender.QueueMailAsync(new OutgoingMail($"retention:{key}", $"{what}@eksempel.no", "Kari Nordmann", "Kvittering", $"Innspill {what}."), Ct);
            await sender.NotifyAsync(new PersonNotification($"retention:{key}", person, new($"Påminnelse {what}", $"Reminder {what}"), "/varsler"), Ct);
            return 0;
        });
        await host.RunJobAsync("notifications.mail-delivery");
        return key;
    }

    private static Task<int> PublishAsync(PrivacyHost host, params (string Topic, string Text)[] items) =>
        host.WithAsync(async sp =>
        {
            var live = sp.GetRequiredService<ILiveUpdates>();
            foreach (var (topic, text) in items)
            {
                await live.PublishAsync(topic, "test.note", new { Text = text }, Ct);
            }

            return items.Length;
        });

    private static Task<IReadOnlyList<LiveItem>> ItemsAsync(PrivacyHost host, string topic) =>
        host.WithAsync(sp => sp.GetRequiredService<ILiveUpdates>().GetAfterAsync(topic, 0, 100, Ct));
}
