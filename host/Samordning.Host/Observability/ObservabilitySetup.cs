namespace Samordning.Host.Observability;

internal static class ObservabilitySetup
{
    // Every log line written during a request carries its trace and span id as scope values (the console writes
    // scopes, see appsettings.json), so a line is found from the reference on an error page and vice versa. Said
    // here rather than left to the host builder's defaults, which a custom host set-up would lose.
    public static IServiceCollection AddSamordningObservability(this IServiceCollection services) =>
        services.Configure<LoggerFactoryOptions>(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
}
