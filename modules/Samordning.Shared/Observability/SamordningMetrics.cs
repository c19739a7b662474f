using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Samordning.Shared.Observability;

/// <summary>
/// The application's own instruments, on the one meter <see cref="Name"/>, so a module records without knowing the
/// host. Made through the host's <see cref="IMeterFactory"/>: each host (and each test host) has its own meter, and
/// a measurement costs one check while nothing listens.
/// </summary>
public sealed class SamordningMetrics
{
    /// <summary>The meter's and the activity source's name, the one an exporter subscribes to.</summary>
    public const string Name = "Samordning";

    /// <summary>The activity source of the modules' database commands (one span per command).</summary>
    public const string DatabaseSourceName = "Samordning.Database";

    /// <summary>Spans of our own (a sweep, which no request carries).</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Creates the instruments on the host's meter.</summary>
    /// <param name="meters">The host's meter factory.</param>
    public SamordningMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(Name);
        LiveConnections = Meter.CreateUpDownCounter<long>(
            "samordning.live.connections", "{connection}", "Connections open to the live hub on this node.");
        LiveMessages = Meter.CreateCounter<long>(
            "samordning.live.messages", "{message}", "Live items this node broadcast, by topic kind.");
        SweepDuration = Meter.CreateHistogram<double>(
            "samordning.reminders.sweep.duration", "s", "How long a reminder sweep took.");
        RemindersSent = Meter.CreateCounter<long>(
            "samordning.reminders.sent", "{reminder}", "Reminders a sweep claimed and sent (each channel counts once).");
        DatabaseDuration = Meter.CreateHistogram<double>(
            "db.client.operation.duration", "s", "Database commands the modules' stores executed.");
    }

    /// <summary>The meter, for instruments made elsewhere (the host's observable gauges).</summary>
    public Meter Meter { get; }

    /// <summary><c>samordning.live.connections</c>: connections open to the live hub.</summary>
    public UpDownCounter<long> LiveConnections { get; }

    /// <summary><c>samordning.live.messages</c>: live items broadcast, tagged with the topic's kind.</summary>
    public Counter<long> LiveMessages { get; }

    /// <summary><c>samordning.reminders.sweep.duration</c>: seconds per sweep.</summary>
    public Histogram<double> SweepDuration { get; }

    /// <summary><c>samordning.reminders.sent</c>: reminders sent.</summary>
    public Counter<long> RemindersSent { get; }

    /// <summary><c>db.client.operation.duration</c>: seconds per database command.</summary>
    public Histogram<double> DatabaseDuration { get; }

    /// <summary>
    /// The kind of a live topic (<c>meeting:{id}</c> gives <c>meeting</c>, <c>dashboard</c> itself): a tag value
    /// with a handful of values, where the topic itself has one per meeting and person.
    /// </summary>
    /// <param name="topic">A live topic.</param>
    public static string TopicKind(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var colon = topic.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? topic[..colon] : topic;
    }

    /// <summary>Records a broadcast on <paramref name="topic"/>.</summary>
    /// <param name="topic">The live topic.</param>
    public void LiveMessage(string topic)
    {
        if (LiveMessages.Enabled)
        {
            LiveMessages.Add(1, new KeyValuePair<string, object?>("topic", TopicKind(topic)));
        }
    }
}

/// <summary>Registers <see cref="SamordningMetrics"/> once, whoever asks first.</summary>
public static class SamordningMetricsRegistration
{
    /// <summary>Adds the metrics (and the meter factory they need).</summary>
    /// <param name="services">The service collection.</param>
    public static IServiceCollection AddSamordningMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<SamordningMetrics>();
        return services;
    }
}
