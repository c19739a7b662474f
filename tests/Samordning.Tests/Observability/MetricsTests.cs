using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Host.Outbox;
using Samordning.Meetings.Data;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;
using Samordning.Tests.Host;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Notifications;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Observability;

// Every metric the README lists exists on the host's Samordning meter and moves with what it measures.
public sealed class MetricsTests
{
    // Monday 7 June 2027, 08:05 in Oslo (summer time): within sending hours.
    private static readonly DateTimeOffset Morning = new(2027, 6, 7, 8, 5, 0, TimeSpan.FromHours(2));

    private static readonly Dictionary<string, string?> QuickSamples = new() { ["OpenTelemetry:BacklogSampleSeconds"] = "0.1" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LiveHub_ParticipantFollowsAndNoteWritten_CountsConnectionAndMessageByTopicKind()
    {
        await using var factory = new SamordningFactory();
        var meeting = await CreateLiveAsync(factory);
        using var metrics = new HostMetrics(factory.Services);

        var connection = await LiveUpdatesTests.ConnectAsync(factory, ParticipantFin);
        try
        {
            await connection.InvokeAsync<long>("Join", $"meeting:{meeting.Id}", Ct);
            Assert.Equal(1, metrics.Sum("samordning.live.connections"));

            await WriteAsync(factory.CreateClientAs(Facilitator), meeting.Id, "Notat til måleren");
            await metrics.WaitForSumAsync("samordning.live.messages", sum => sum >= 1, "topic", "meeting");
        }
        finally
        {
            await connection.DisposeAsync();
        }

        await metrics.WaitForSumAsync("samordning.live.connections", sum => sum == 0);
        // The topic's kind, never its id: one series per kind, not one per meeting.
        Assert.Empty(metrics.Values("samordning.live.messages", "topic", $"meeting:{meeting.Id}"));
    }

    [Fact]
    public async Task DatabaseCommands_ApiRequest_DurationRecordedPerStoreAndOperation()
    {
        await using var factory = new SamordningFactory();
        using var metrics = new HostMetrics(factory.Services);

        var response = await factory.CreateClientAs(People.Coordinator).GetAsync("/api/meetings", Ct);

        response.EnsureSuccessStatusCode();
        var meetings = metrics.Values("db.client.operation.duration", "db.namespace", MeetingsDbContext.Store);
        Assert.NotEmpty(meetings);
        Assert.All(meetings, seconds => Assert.True(seconds >= 0));
        Assert.NotEmpty(metrics.Values("db.client.operation.duration", "db.operation.name", "SELECT"));
    }

    [Fact]
    public async Task OutboxGauges_DeliveryOff_DepthAndAgeRiseThenFallAfterAPass()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var factory = SamordningFactory.Create(new()
        {
            Settings = new Dictionary<string, string?>(QuickSamples) { ["Outbox:DeliverAtOnce"] = "false", ["Outbox:RunWorker"] = "false" },
            ConfigureServices = services => services.AddSingleton<IClock>(clock),
        });
        var meeting = await CreateLiveAsync(factory);
        using var metrics = new HostMetrics(factory.Services);
        var before = await metrics.WaitForGaugeAsync("samordning.outbox.depth", _ => true);

        await WriteAsync(factory.CreateClientAs(Facilitator), meeting.Id, "Venter i utboksen");
        await metrics.WaitForGaugeAsync("samordning.outbox.depth", depth => depth >= before + 1);
        clock.UtcNow += TimeSpan.FromMinutes(1);
        await metrics.WaitForGaugeAsync("samordning.outbox.oldest_age", age => age >= 60);

        await factory.Services.GetRequiredService<OutboxDispatcher>().RunPassAsync(Ct);
        await metrics.WaitForGaugeAsync("samordning.outbox.depth", depth => depth == 0);
        await metrics.WaitForGaugeAsync("samordning.outbox.oldest_age", age => age == 0);
    }

    [Fact]
    public async Task Sweep_SmtpDownThenUp_RemindersCountedSweepTimedMailQueueRisesThenEmpties()
    {
        await using var harness = await NotificationsHarness.StartAsync(Morning, smtpUp: false, settings: QuickSamples);
        using var metrics = new HostMetrics(harness.Factory.Services);
        var person = await harness.AddPersonAsync("Åse Øvrebø", "ase@fin.example.no");
        harness.Deadlines.Add(new Deadline("test:1", "test", new("Innspill", "Input"), Morning.AddDays(7).AddHours(4), "/arbeidsstrommer/runder/1", [person]));
        var before = await metrics.WaitForGaugeAsync("samordning.mail.queue.depth", _ => true);

        await harness.SweepAsync(Ct);

        var logged = await harness.QueryAsync(db => db.ReminderLog.CountAsync(Ct));
        Assert.True(logged > 0);
        Assert.Equal(logged, metrics.Sum("samordning.reminders.sent"));
        Assert.True(Assert.Single(metrics.Values("samordning.reminders.sweep.duration")) > 0);
        await metrics.WaitForGaugeAsync("samordning.mail.queue.depth", depth => depth >= before + 1);
        harness.Clock.UtcNow += TimeSpan.FromHours(1);
        await metrics.WaitForGaugeAsync("samordning.mail.queue.oldest_age", age => age >= 3600);

        await harness.Smtp.StartServerAsync();
        await harness.SweepAsync(Ct);

        await metrics.WaitForGaugeAsync("samordning.mail.queue.depth", depth => depth == 0);
        Assert.Equal(2, metrics.Values("samordning.reminders.sweep.duration").Count);
        Assert.Equal(logged, metrics.Sum("samordning.reminders.sent"));
    }
}
