using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samordning.Meetings.Data;
using Samordning.Shared.Observability;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Observability;

// With an OTLP endpoint configured, the OpenTelemetry SDK traces requests and their database calls and exports
// them with the metrics; without one, none of it runs.
public sealed class ExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiRequest_OtlpEndpointConfigured_RequestAndDatabaseSpansInOneTraceAndMetricsCollected()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var factory = SamordningFactory.Create(new()
        {
            // Nothing listens there: the exporter's failures are its own, the in-memory exporter sees everything.
            Settings = new Dictionary<string, string?>
            {
                ["OpenTelemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{TestMachine.FreePort()}",
                ["OpenTelemetry:BacklogSampleSeconds"] = "0.1",
            },
            ConfigureServices = services => services
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics)),
        });
        var client = factory.CreateClientAs(People.Coordinator);
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/meetings");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        (await client.SendAsync(request, Ct)).EnsureSuccessStatusCode();
        // False: the OTLP exporter found no collector; the in-memory exporter has what was collected.
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
        // The queue gauges report once the sampler's first probe has finished, which on a busy machine can come after
        // the request (CI saw it): collect until it has, within a limit.
        var names = await CollectMetricNamesUntilAsync(factory.Services.GetRequiredService<MeterProvider>(), metrics, "samordning.outbox.depth");

        List<Activity> trace;
        lock (spans)
        {
            trace = [.. spans.Where(s => s.TraceId == traceId)];
        }

        var server = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal("/api/meetings", server.GetTagItem("url.path"));
        var database = trace.Where(s => s.Source.Name == SamordningMetrics.DatabaseSourceName).ToList();
        Assert.Contains(database, s => Equals(s.GetTagItem("db.namespace"), MeetingsDbContext.Store) && Equals(s.GetTagItem("db.operation.name"), "SELECT"));
        Assert.All(database, s => Assert.True(s.Duration >= TimeSpan.Zero && s.StartTimeUtc >= server.StartTimeUtc));
        Assert.Contains("http.server.request.duration", names);
        Assert.Contains("db.client.operation.duration", names);
        Assert.Contains("samordning.outbox.depth", names);
    }

    private static async Task<List<string>> CollectMetricNamesUntilAsync(MeterProvider provider, List<Metric> metrics, string wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            provider.ForceFlush();
            List<string> names;
            lock (metrics)
            {
                names = [.. metrics.Select(m => m.Name).Distinct()];
            }

            if (names.Contains(wanted) || DateTime.UtcNow > deadline)
            {
                return names;
            }

            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task ErrorPage_OtlpHttpEndpointConfigured_TraceWithTheReferenceReachesTheCollector()
    {
        await using var collector = OtlpCollector.Start();
        await using var factory = SamordningFactory.Create(new()
        {
            Settings = new Dictionary<string, string?>
            {
                ["OpenTelemetry:Otlp:Endpoint"] = collector.Address.ToString(),
                ["OpenTelemetry:Otlp:Protocol"] = "http/protobuf",
            },
        });

        var response = await factory.CreateClientAs(People.Coordinator).GetAsync("/finnes-ikke", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var reference = System.Text.RegularExpressions.Regex.Match(html, "<code>([0-9a-f]{32})</code>").Groups[1].Value;
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEmpty(reference);
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // OTLP carries a trace id as its 16 bytes.
        var traces = await collector.WaitForAsync("/v1/traces", Convert.FromHexString(reference));
        Assert.Equal("application/x-protobuf", traces.ContentType);
    }

    // Stands in for an OpenTelemetry Collector's OTLP/HTTP receiver: accepts every POST, keeps its body.
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly HttpListener listener = new();
        private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> received = new();
        private readonly Task loop;

        private OtlpCollector(Uri address)
        {
            Address = address;
            listener.Prefixes.Add(address.ToString());
            listener.Start();
            loop = Task.Run(ReceiveAsync);
        }

        public Uri Address { get; }

        public static OtlpCollector Start() => new(new Uri($"http://127.0.0.1:{TestMachine.FreePort()}/"));

        public async Task<(string? ContentType, byte[] Body)> WaitForAsync(string path, byte[] containing)
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            patience.CancelAfter(TimeSpan.FromSeconds(30));
            while (!patience.IsCancellationRequested)
            {
                foreach (var (at, type, body) in received)
                {
                    if (at == path && body.AsSpan().IndexOf(containing) >= 0)
                    {
                        return (type, body);
                    }
                }

                await Task.Delay(50, CancellationToken.None);
            }

            Assert.Fail($"No POST {path} holding the trace arrived; got: {string.Join(", ", received.Select(r => r.Path))}.");
            return default;
        }

        public async ValueTask DisposeAsync()
        {
            listener.Stop();
            listener.Close();
            await loop;
        }

        private async Task ReceiveAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }
    }
}
