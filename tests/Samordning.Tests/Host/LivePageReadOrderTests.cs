using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Host.Live;
using Samordning.Notifications.Contracts;
using Samordning.Shared.Live;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Workstreams;

namespace Samordning.Tests.Host;

// A live page renders its data and the topic's sequence; the client applies only items after that sequence. A
// change committed between the page's two reads must end up on the page or after the sequence it renders. The
// host's ILiveUpdates is wrapped so that the page's sequence read first commits such a change: whichever order the
// page reads in, the change then falls between its reads.
public sealed partial class LivePageReadOrderTests : IAsyncLifetime
{
    private readonly ChangeBeforeSequenceRead changeHook = new();
    private SamordningFactory factory = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        factory = SamordningFactory.Create(new()
        {
            ConfigureServices = services =>
            {
                services.AddSingleton(changeHook);
                services.AddScoped<ILiveUpdates>(sp => new HookedLiveUpdates(sp.GetRequiredService<LiveUpdates>(), changeHook));
            },
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Dashboard_ChangeBetweenReads_OnPageOrAfterItsSequence()
    {
        var api = new WorkstreamsApi(factory);
        var fin = (await api.MinistryAsync("FIN")).Id;
        var observer = factory.CreateClientAs(People.Observer);
        var before = Total(await observer.GetStringAsync("/arbeidsstrommer", Ct));
        changeHook.Arm("dashboard", () => api.CreateInitiativeAsync(Builders.Initiative(fin), People.ContactPersonFin));

        var page = await observer.GetStringAsync("/arbeidsstrommer", Ct);

        var changed = await ChangeSequenceAsync("dashboard");
        Assert.True(Total(page) == before + 1 || After(page, "dashboard") < changed,
            $"The new initiative is neither counted ({Total(page)}, was {before}) nor after the page's sequence ({After(page, "dashboard")}, change {changed}).");
    }

    [Fact]
    public async Task Registry_ChangeBetweenReads_OnPageOrAfterItsSequence()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var request = Builders.Ministry();
        changeHook.Arm("ministries", async () =>
            (await coordinator.PostAsJsonAsync("/api/ministries", request, Ct)).EnsureSuccessStatusCode());

        var page = await factory.CreateClientAs(People.Observer).GetStringAsync("/departementer", Ct);

        var changed = await ChangeSequenceAsync("ministries");
        Assert.True(page.Contains(request.Code!, StringComparison.Ordinal) || After(page, "ministries") < changed,
            $"The new ministry is neither on the page nor after the page's sequence ({After(page, "ministries")}, change {changed}).");
    }

    [Fact]
    public async Task UnreadBadge_NotificationBetweenReads_CountedOrAfterItsSequence()
    {
        var person = await factory.PersonIdAsync(People.ContactPersonKd, Ct);
        var topic = $"user:{person}";
        var client = factory.CreateClientAs(People.ContactPersonKd);
        var before = Badge(await client.GetStringAsync("/varsler", Ct), topic).Count;
        changeHook.Arm(topic, async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<INotificationSender>().NotifyAsync(
                new PersonNotification($"test:{Guid.NewGuid():N}", person, new("Mellom lesingene", "Between the reads"), "/"), Ct);
        });

        var (count, after) = Badge(await client.GetStringAsync("/varsler", Ct), topic);

        var changed = await ChangeSequenceAsync(topic);
        Assert.True(count == before + 1 || after < changed,
            $"The notification is neither counted ({count}, was {before}) nor after the badge's sequence ({after}, change {changed}).");
    }

    [Fact]
    public async Task Overview_NotificationBetweenReads_OnPageOrAfterItsSequence()
    {
        var person = await factory.PersonIdAsync(People.ContactPersonHod, Ct);
        var topic = $"user:{person}";
        var title = $"Mellom lesingene {Guid.NewGuid():N}";
        changeHook.Arm(topic, async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<INotificationSender>().NotifyAsync(
                new PersonNotification($"test:{Guid.NewGuid():N}", person, new(title, title), "/varsler"), Ct);
        });

        var page = await factory.CreateClientAs(People.ContactPersonHod).GetStringAsync("/", Ct);

        var changed = await ChangeSequenceAsync(topic);
        var after = Regex.Match(page, $"{Regex.Escape(topic)}=(\\d+)");
        Assert.True(after.Success, $"The overview does not follow {topic}.");
        Assert.True(page.Contains(title, StringComparison.Ordinal) || long.Parse(after.Groups[1].Value, CultureInfo.InvariantCulture) < changed,
            $"The notification is neither on the overview nor after its sequence ({after.Groups[1].Value}, change {changed}).");
    }

    // The change was the last item published on the topic; the hook has fired once.
    private async Task<long> ChangeSequenceAsync(string topic)
    {
        Assert.True(changeHook.Fired, "The change between the reads never ran.");
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiveUpdates>().GetLastSequenceAsync(topic, Ct);
    }

    private static int Total(string page) => int.Parse(TotalPattern().Match(page).Groups[1].Value, CultureInfo.InvariantCulture);

    private static long After(string page, string topic)
    {
        var match = Regex.Match(page, $"data-live-topic=\"{Regex.Escape(topic)}\" data-live-after=\"(\\d+)\"");
        Assert.True(match.Success, $"No data-live-after for {topic} on the page.");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static (int Count, long After) Badge(string page, string topic)
    {
        var match = Regex.Match(page, $"data-badge-topic=\"{Regex.Escape(topic)}\" data-badge-after=\"(\\d+)\">\\s*[^<]*<span class=\"ds-badge\" data-count=\"(\\d+)\" data-badge-count");
        Assert.True(match.Success, $"No badge for {topic} on the page.");
        return (int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("data-testid=\"total\">(\\d+)<")]
    private static partial Regex TotalPattern();

    // Runs the armed change, once, when the armed topic's sequence is next read.
    private sealed class ChangeBeforeSequenceRead
    {
        private (string Topic, Func<Task> Change)? armedChange;

        public bool Fired { get; private set; }

        public void Arm(string topic, Func<Task> change) => armedChange = (topic, change);

        public async Task RunIfArmedAsync(string topic)
        {
            if (armedChange is { } armed && armed.Topic == topic)
            {
                armedChange = null;
                await armed.Change();
                Fired = true;
            }
        }
    }

    private sealed class HookedLiveUpdates(LiveUpdates inner, ChangeBeforeSequenceRead hook) : ILiveUpdates
    {
        public async Task<long> GetLastSequenceAsync(string topic, CancellationToken cancellationToken)
        {
            await hook.RunIfArmedAsync(topic);
            return await inner.GetLastSequenceAsync(topic, cancellationToken);
        }

        public Task<LiveItem> PublishAsync(string topic, string type, object payload, CancellationToken cancellationToken) =>
            inner.PublishAsync(topic, type, payload, cancellationToken);

        public Task<IReadOnlyList<LiveItem>> PublishManyAsync(IReadOnlyList<LivePublication> items, CancellationToken cancellationToken) =>
            inner.PublishManyAsync(items, cancellationToken);

        public Task<IReadOnlyList<LiveItem>> GetAfterAsync(string topic, long after, int max, CancellationToken cancellationToken) =>
            inner.GetAfterAsync(topic, after, max, cancellationToken);
    }
}
