using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Rounds;
using Samordning.Notifications.Contracts;
using Samordning.Shared.Time;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Feedback;

// A clock the test moves by hand, so deadlines can be tested to the second.
public sealed class TestClock : IClock
{
    public DateTimeOffset UtcNow { get; set; } = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
}

// Records the mail the module queues (the Notifications module sends it in the product).
public sealed class RecordingNotificationSender : INotificationSender
{
    public ConcurrentQueue<OutgoingMail> Mail { get; } = new();

    public Task QueueMailAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Mail.Enqueue(mail);
        return Task.CompletedTask;
    }

    public Task NotifyAsync(PersonNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;
}

// The host with a controllable clock, a recording mail port and a public rate limit high enough for a test class.
public sealed class FeedbackFixture : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public FeedbackFixture()
        : this(10_000)
    {
    }

    // One public constructor, as xunit requires of a class fixture; a tighter limit goes through this.
    public static FeedbackFixture WithPublicLimit(int publicPermitsPerMinute) => new(publicPermitsPerMinute);

    private FeedbackFixture(int publicPermitsPerMinute)
    {
        Factory = SamordningFactory.Create(new SamordningFactoryOptions
        {
            Settings = new Dictionary<string, string?> { ["RateLimiting:PublicPermitsPerMinute"] = publicPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ConfigureServices = services =>
            {
                services.AddSingleton<IClock>(Clock);
                services.AddSingleton<INotificationSender>(Notifications);
            },
        });
    }

    public TestClock Clock { get; } = new();

    public RecordingNotificationSender Notifications { get; } = new();

    public SamordningFactory Factory { get; }

    // A round opened by a coordinator through the API, open from now until the deadline.
    internal async Task<RoundDetails> OpenRoundAsync(TimeSpan? untilDeadline = null, bool isPublic = true, IReadOnlyList<string>? questions = null, Audience audience = Audience.Everyone, int retentionMonths = 12)
    {
        var client = Factory.CreateClientAs(People.Coordinator);
        var request = new OpenRoundRequest(
            $"Runde {Guid.NewGuid():N}", "Beskrivelse", [audience], questions ?? [], Clock.UtcNow, Clock.UtcNow + (untilDeadline ?? TimeSpan.FromDays(10)), isPublic, retentionMonths);
        var response = await client.PostAsJsonAsync("/api/feedback/rounds", request, Json, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return JsonSerializer.Deserialize<RoundDetails>(body, Json)!;
    }

    internal async Task<T> WithDbAsync<T>(Func<FeedbackDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
