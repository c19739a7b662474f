using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Samordning.Ministries.Contracts;
using Samordning.Ministries.Data;
using Samordning.Notifications;
using Samordning.Notifications.Data;
using Samordning.Notifications.Mail;
using Samordning.Notifications.Sweep;
using Samordning.Shared.Activity;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Events;
using Samordning.Shared.Jobs;
using Samordning.Shared.Time;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Notifications;

// A host wired to a real SMTP server (or to a port where none listens yet), with a clock and a deadline source
// the test controls. Everything else is the product: the sweep, the reminder log, the outbox and MailKit.
internal sealed class NotificationsHarness : IAsyncDisposable
{
    private NotificationsHarness(SamordningFactory factory, SmtpSink smtp, TestClock clock, TestDeadlines deadlines)
    {
        Factory = factory;
        Smtp = smtp;
        Clock = clock;
        Deadlines = deadlines;
    }

    public SamordningFactory Factory { get; }
    public SmtpSink Smtp { get; }
    public TestClock Clock { get; }
    public TestDeadlines Deadlines { get; }
    public ObservedTransport Transport => (ObservedTransport)Factory.Services.GetRequiredService<IMailTransport>();

    // Runs before every registry lookup of a person (the sweep looks people up after reading the reminder log and
    // before it inserts its claims): a test can act there as another sweep would.
    public Func<Guid, Task>? BeforePersonLookup
    {
        get => Factory.Services.GetRequiredService<PersonLookupHook>().Before;
        set => Factory.Services.GetRequiredService<PersonLookupHook>().Before = value;
    }

    public const string BaseUrl = "https://samordning.test";

    public static async Task<NotificationsHarness> StartAsync(DateTimeOffset now, bool smtpUp = true, IDictionary<string, string?>? settings = null)
    {
        var smtp = smtpUp ? await SmtpSink.StartAsync() : SmtpSink.OnFreePort();
        var clock = new TestClock(now);
        var deadlines = new TestDeadlines();
        var all = new Dictionary<string, string?>
        {
            // Only the test's own deadlines: no module seeds demo rounds, meetings or action items with theirs.
            ["Modules:Workstreams:SeedDemoData"] = "false",
            ["Modules:Meetings:SeedDemoData"] = "false",
            ["Modules:Feedback:SeedDemoData"] = "false",
            ["Modules:Notifications:PublicBaseUrl"] = BaseUrl,
            ["Modules:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Modules:Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Modules:Notifications:Smtp:Security"] = "None",
            ["Modules:Notifications:Smtp:TimeoutSeconds"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = SamordningFactory.Create(new SamordningFactoryOptions
        {
            Settings = all,
            ConfigureServices = services =>
            {
                services.AddSingleton<IClock>(clock);
                services.AddSingleton<IDeadlineSource>(deadlines);
                services.AddSingleton<PersonLookupHook>();
                services.AddSingleton<ActivityRecorder>();
                services.AddScoped<IEventHandler<ActivityHappened>>(sp => sp.GetRequiredService<ActivityRecorder>());
                var registry = services.Last(d => d.ServiceType == typeof(IMinistryDirectory));
                services.Remove(registry);
                services.Add(new ServiceDescriptor(typeof(IMinistryDirectory), sp => new HookedDirectory(
                    (IMinistryDirectory)(registry.ImplementationFactory?.Invoke(sp) ?? registry.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, registry.ImplementationType!)),
                    sp.GetRequiredService<PersonLookupHook>()), registry.Lifetime));
                if (!string.IsNullOrEmpty(all["Modules:Notifications:Smtp:Host"]))
                {
                    services.AddSingleton<IMailTransport>(sp => new ObservedTransport(new SmtpMailTransport(sp.GetRequiredService<IOptions<NotificationsOptions>>())));
                }
            },
        });
        _ = factory.Server;
        return new NotificationsHarness(factory, smtp, clock, deadlines);
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Id == ReminderSweep.JobId);
        await job.RunAsync(cancellationToken);
    }

    public async Task<Guid> AddPersonAsync(string name, string email, bool active = true, string language = "nb", Guid? ministryId = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinistriesDbContext>();
        var person = new Person { Name = name, Email = email, Active = active, PreferredLanguage = language, MinistryId = ministryId };
        person.RefreshSearchText();
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    // People "Person 0" … with the addresses the format gives for 0, 1 …, in that order.
    public async Task<List<Guid>> AddPeopleAsync(int count, string emailFormat)
    {
        var people = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            people.Add(await AddPersonAsync($"Person {i}", string.Format(System.Globalization.CultureInfo.InvariantCulture, emailFormat, i)));
        }

        return people;
    }

    public async Task<T> QueryAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

internal sealed class TestClock(DateTimeOffset now) : IClock
{
    public DateTimeOffset UtcNow { get; set; } = now;
}

internal sealed class TestDeadlines : IDeadlineSource
{
    private readonly List<Deadline> stored = [];

    // The kind the tests' deadlines carry, so coordinators can set its reminder policy.
    public IReadOnlyList<DeadlineKind> Kinds { get; } = [new("test", new("Testfrister", "Test deadlines"))];

    public void Add(Deadline deadline)
    {
        lock (stored)
        {
            stored.Add(deadline);
        }
    }

    public void Replace(Deadline deadline)
    {
        lock (stored)
        {
            stored.RemoveAll(d => d.Key == deadline.Key);
            stored.Add(deadline);
        }
    }

    // As a module's source: only what falls due before the sweep's window ends.
    public async IAsyncEnumerable<Deadline> GetOpenDeadlinesAsync(DateTimeOffset from, DateTimeOffset? until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Deadline> copy;
        lock (stored)
        {
            copy = [.. stored.Where(d => until is null || d.DueAt < until)];
        }

        foreach (var deadline in copy)
        {
            await Task.Yield();
            yield return deadline;
        }
    }
}

// The real SMTP transport, with a hook after each message the server accepted (to stop a sweep half-way).
internal sealed class ObservedTransport(IMailTransport inner) : IMailTransport
{
    private int sent;

    public Action<int>? AfterSend { get; set; }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await inner.SendAsync(message, cancellationToken);
        AfterSend?.Invoke(Interlocked.Increment(ref sent));
    }
}

// Every ActivityHappened the modules delivered, so a test can deliver them again as the outbox may.
internal sealed class ActivityRecorder : IEventHandler<ActivityHappened>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<ActivityHappened> events = new();

    public IReadOnlyList<ActivityHappened> Events => [.. events];

    public Task HandleAsync(ActivityHappened @event, CancellationToken cancellationToken)
    {
        events.Enqueue(@event);
        return Task.CompletedTask;
    }
}

internal sealed class PersonLookupHook
{
    public Func<Guid, Task>? Before { get; set; }
}

// The product's registry, with the test's hook before each person lookup.
internal sealed class HookedDirectory(IMinistryDirectory inner, PersonLookupHook hook) : IMinistryDirectory
{
    public async Task<PersonInfo?> GetPersonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (hook.Before is { } before)
        {
            await before(id);
        }

        return await inner.GetPersonAsync(id, cancellationToken);
    }

    public async Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (hook.Before is { } before)
        {
            foreach (var id in ids)
            {
                await before(id);
            }
        }

        return await inner.GetPeopleAsync(ids, cancellationToken);
    }

    public Task<IReadOnlyList<MinistryInfo>> GetMinistriesAsync(CancellationToken cancellationToken) => inner.GetMinistriesAsync(cancellationToken);

    public Task<MinistryInfo?> GetMinistryAsync(Guid id, CancellationToken cancellationToken) => inner.GetMinistryAsync(id, cancellationToken);

    public Task<IReadOnlyList<AgencyInfo>> GetAgenciesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => inner.GetAgenciesAsync(ids, cancellationToken);

    public Task<IReadOnlyList<AgencyInfo>> GetAgenciesOfAsync(Guid? ministryId, CancellationToken cancellationToken) => inner.GetAgenciesOfAsync(ministryId, cancellationToken);

    public Task<PersonInfo?> FindSignedInPersonAsync(string? subject, string? email, CancellationToken cancellationToken) =>
        inner.FindSignedInPersonAsync(subject, email, cancellationToken);

    public Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(Guid? ministryId, string role, CancellationToken cancellationToken) =>
        inner.GetPeopleAsync(ministryId, role, cancellationToken);

    public Task<IReadOnlyList<PersonInfo>> GetPeopleOfMinistriesAsync(IReadOnlyCollection<Guid> ministryIds, CancellationToken cancellationToken) =>
        inner.GetPeopleOfMinistriesAsync(ministryIds, cancellationToken);
}
