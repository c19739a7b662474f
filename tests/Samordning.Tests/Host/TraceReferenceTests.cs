using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// One reference finds a failed request everywhere: the error page shows the request's trace id, and the request's
// log lines carry the same id.
public sealed class TraceReferenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ErrorPage_RequestWithTraceparent_ShowsItsTraceIdAndLogLinesCarryIt()
    {
        var log = new ScopeCollector();
        await using var factory = SamordningFactory.Create(new()
        {
            ConfigureServices = services => services
                .AddSingleton<ILoggerProvider>(log)
                .AddLogging(logging => logging.AddFilter<ScopeCollector>(null, LogLevel.Information)),
        });
        var client = factory.CreateClientAs(People.Coordinator);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/finnes-ikke");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"<code>{traceId}</code>", html, StringComparison.Ordinal);
        Assert.Contains(log.TraceIds, id => id == traceId);
    }

    private sealed class ScopeCollector : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> TraceIds { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCollector collector) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => collector.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                collector.scopes.ForEachScope(
                    (scope, queue) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> values
                            && values.FirstOrDefault(v => v.Key == "TraceId").Value?.ToString() is { } id)
                        {
                            queue.Enqueue(id);
                        }
                    },
                    collector.TraceIds);
        }
    }
}
