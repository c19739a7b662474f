using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Meetings.Contracts;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Shared.Events;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

// Stands in front of the feedback register's own handler: while Down, every delivery of MeetingFeedbackSent fails
// before the register sees it, as when the register's store is unavailable.
public sealed class RegisterGate : IEventHandler<MeetingFeedbackSent>
{
    public static bool Down { get; set; }

    public static readonly System.Collections.Concurrent.ConcurrentQueue<Guid> Attempts = new();

    public Task HandleAsync(MeetingFeedbackSent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        Attempts.Enqueue(@event.EntryId);
        return Down ? throw new InvalidOperationException("The feedback register is unavailable.") : Task.CompletedTask;
    }
}

public sealed class RegisterGateFactory : IAsyncLifetime
{
    public SamordningFactory Factory { get; } = SamordningFactory.Create(new SamordningFactoryOptions
    {
        Settings = new Dictionary<string, string?> { ["Outbox:PollMilliseconds"] = "200" },
        ConfigureServices = services =>
        {
            // The gate first, then the module's own handler(s), so a failure happens before the register stores anything.
            var handlers = services.Where(d => d.ServiceType == typeof(IEventHandler<MeetingFeedbackSent>)).ToList();
            handlers.ForEach(d => services.Remove(d));
            services.AddScoped<IEventHandler<MeetingFeedbackSent>, RegisterGate>();
            handlers.ForEach(services.Add);
        },
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class FeedbackOutboxTests(RegisterGateFactory fixture) : IClassFixture<RegisterGateFactory>
{
    private readonly SamordningFactory factory = fixture.Factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendFeedback_RegisterFailsFirst_ShownAsSendingThenDeliveredOnceAndReceived()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        var entry = await WriteAsync(facilitator, meeting.Id, "Bruk åpne data", EntryKind.Feedback);

        RegisterGate.Down = true;
        EntryView sent;
        string sendingPage;
        try
        {
            sent = await Problem.ReadOkAsync<EntryView>(await facilitator.PostAsync($"/api/meetings/{meeting.Id}/entries/{entry.Id}/send-to-feedback", null, Ct), HttpStatusCode.OK, Ct);
            sendingPage = await facilitator.GetStringAsync($"/moter/{meeting.Id}", Ct);
            Assert.Equal(0, await RegisterItemsAsync(entry.Id));
        }
        finally
        {
            RegisterGate.Down = false;
        }

        var received = await WaitForReceivedAsync(facilitator, meeting.Id, entry.Id);
        var receivedPage = await facilitator.GetStringAsync($"/moter/{meeting.Id}", Ct);

        Assert.NotNull(sent.SentToFeedbackAt);
        Assert.Null(sent.FeedbackReceivedAt);
        Assert.Contains("Sendes til innspillsregisteret", sendingPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Mottatt i innspillsregisteret", sendingPage, StringComparison.Ordinal);
        Assert.True(RegisterGate.Attempts.Count(id => id == entry.Id) >= 2, "The failed delivery was not tried again.");
        Assert.Equal(1, await RegisterItemsAsync(entry.Id));
        Assert.NotNull(received.FeedbackReceivedAt);
        Assert.Contains("Mottatt i innspillsregisteret", receivedPage, StringComparison.Ordinal);
        Assert.Equal(0, await OutboxRowsAsync());
    }

    private static async Task<EntryView> WaitForReceivedAsync(HttpClient client, Guid meetingId, Guid entryId)
    {
        // The outbox job retries after a short back-off; generous, for a loaded machine.
        for (var waited = 0; waited < 600; waited++)
        {
            var entries = await client.GetFromJsonAsync<List<EntryView>>($"/api/meetings/{meetingId}/entries", Ct);
            if (entries!.Single(e => e.Id == entryId) is { FeedbackReceivedAt: not null } received)
            {
                return received;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The register never acknowledged the entry.");
    }

    private async Task<int> RegisterItemsAsync(Guid entryId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Items.CountAsync(i => i.MeetingEntryId == entryId, Ct);
    }

    // Delivered rows are deleted (in the job's next pass), so nothing with personal data stays behind.
    private async Task<int> OutboxRowsAsync()
    {
        for (var waited = 0; ; waited++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<MeetingsDbContext>().OutboxMessages.CountAsync(Ct)
                + await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().OutboxMessages.CountAsync(Ct);
            if (count == 0 || waited == 100)
            {
                return count;
            }

            await Task.Delay(100, Ct);
        }
    }
}
