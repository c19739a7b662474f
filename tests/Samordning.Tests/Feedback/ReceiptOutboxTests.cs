using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Rounds;
using Samordning.Notifications.Contracts;
using Samordning.Notifications.Data;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Feedback;

// The Notifications module's own sender, refusing its first call (its store locked, say), then doing its work.
public sealed class FailingFirstSender(INotificationSender inner) : INotificationSender
{
    private static int CallCount;

    public static int Calls => Volatile.Read(ref CallCount);

    public Task QueueMailAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref CallCount) == 1
            ? throw new InvalidOperationException("database is locked")
            : inner.QueueMailAsync(mail, cancellationToken);

    public Task NotifyAsync(PersonNotification notification, CancellationToken cancellationToken) => inner.NotifyAsync(notification, cancellationToken);
}

public sealed class FailingSenderFactory : IAsyncLifetime
{
    public SamordningFactory Factory { get; } = SamordningFactory.Create(new SamordningFactoryOptions
    {
        Settings = new Dictionary<string, string?> { ["Outbox:PollMilliseconds"] = "200", ["RateLimiting:PublicPermitsPerMinute"] = "10000" },
        ConfigureServices = services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(INotificationSender));
            services.Remove(real);
            services.AddScoped<INotificationSender>(sp => new FailingFirstSender((INotificationSender)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        },
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class ReceiptOutboxTests(FailingSenderFactory fixture) : IClassFixture<FailingSenderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_NotificationsFailAtFirstThenSameFormAgain_OneReceiptMailQueued()
    {
        var factory = fixture.Factory;
        var round = await OpenRoundAsync(factory);
        var client = factory.CreateClientAs(null);
        var (antiforgery, token) = await PublicForm.OpenAsync(client, round.Id);

        var first = await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, token));
        var again = await PublicForm.PostAsync(client, round.Id, PublicForm.Valid(antiforgery, token));

        var reference = PublicForm.Reference(first);
        Assert.Equal(reference, PublicForm.Reference(again));
        await using var scope = factory.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Items.SingleAsync(i => i.Reference == reference, Ct);
        var mail = await WaitForMailAsync(factory, $"feedback.receipt:{item.Id}");
        var queued = Assert.Single(mail);
        Assert.Equal("test@example.no", queued.ToAddress);
        Assert.Contains(reference, queued.TextBody, StringComparison.Ordinal);
        Assert.True(FailingFirstSender.Calls >= 2, "The refused receipt was not queued again.");
    }

    private static async Task<List<MailMessage>> WaitForMailAsync(SamordningFactory factory, string key)
    {
        for (var waited = 0; ; waited++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var mail = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Mail.AsNoTracking().Where(m => m.Key == key).ToListAsync(Ct);
            if (mail.Count > 0 || waited == 300)
            {
                return mail;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static async Task<RoundDetails> OpenRoundAsync(SamordningFactory factory)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new OpenRoundRequest($"Runde {Guid.NewGuid():N}", "Beskrivelse", [Audience.Everyone], [], now.AddMinutes(-1), now.AddDays(10), true, 12);
        var response = await factory.CreateClientAs(People.Coordinator).PostAsJsonAsync("/api/feedback/rounds", request, FeedbackFixture.Json, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonSerializer.Deserialize<RoundDetails>(body, FeedbackFixture.Json)!;
    }
}
