using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Samordning.Shared.Observability;

namespace Samordning.Host.Observability;

internal static class ObservabilitySetup
{
    public static IServiceCollection AddSamordningObservability(this IServiceCollection services, IConfiguration configuration)
    {
        // Every log line written during a request carries its trace and span id as scope values (the console writes
        // scopes, see appsettings.json), so a line is found from the reference on an error page and vice versa. Said
        // here rather than left to the host builder's defaults, which a custom host set-up would lose.
        services.Configure<LoggerFactoryOptions>(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        // Our instruments always exist (a measurement nobody listens to costs one check); the queue gauges sample
        // the database only while something collects them.
        var settings = TelemetrySettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSamordningMetrics();
        services.AddHostedService<BacklogSampler>();

        // The SDK (request spans, runtime metrics, exporting) only when there is somewhere to export to: with
        // nothing configured a request pays nothing for it.
        if (settings.Exports)
        {
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(TelemetrySettings.ServiceName, serviceInstanceId: settings.InstanceId))
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource(SamordningMetrics.Name, SamordningMetrics.DatabaseSourceName)
                    .AddOtlpExporter(otlp => settings.Configure(otlp, "v1/traces")))
                .WithMetrics(metrics => metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(SamordningMetrics.Name, "Microsoft.AspNetCore.Http.Connections", "Npgsql")
                    .AddOtlpExporter(otlp => settings.Configure(otlp, "v1/metrics")));
        }

        return services;
    }
}

// The OpenTelemetry section. An endpoint here, or the standard OTEL_EXPORTER_OTLP_ENDPOINT (with the other OTEL_*
// variables the exporter reads itself), switches exporting on.
internal sealed class TelemetrySettings
{
    public const string ServiceName = "Samordning";

    public Uri? Endpoint { get; init; }

    public OtlpExportProtocol Protocol { get; init; } = OtlpExportProtocol.Grpc;

    public bool FromEnvironment { get; init; }

    public required string InstanceId { get; init; }

    public required TimeSpan BacklogSampleInterval { get; init; }

    public bool Exports => Endpoint is not null || FromEnvironment;

    public static TelemetrySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("OpenTelemetry");
        var endpoint = section["Otlp:Endpoint"];
        var instance = section["InstanceId"];
        return new TelemetrySettings
        {
            Endpoint = string.IsNullOrWhiteSpace(endpoint) ? null
                : Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
                : throw new InvalidOperationException($"OpenTelemetry:Otlp:Endpoint '{endpoint}' is not an http or https address (http://collector:4317)."),
            Protocol = section["Otlp:Protocol"] is "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc,
            FromEnvironment = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
            InstanceId = string.IsNullOrWhiteSpace(instance) ? $"{Environment.MachineName}-{Environment.ProcessId}" : instance,
            BacklogSampleInterval = TimeSpan.FromSeconds(Math.Max(0.05, section.GetValue("BacklogSampleSeconds", 15.0))),
        };
    }

    // Our endpoint, when set, wins over the environment's. Over HTTP each signal has its own path, which the
    // exporter appends only to an endpoint it read from the environment.
    public void Configure(OtlpExporterOptions options, string signalPath)
    {
        if (Endpoint is null)
        {
            return;
        }

        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : Endpoint;
    }
}
