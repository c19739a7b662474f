using Microsoft.Extensions.Logging;
using Samordning.Host.Modules;

namespace Samordning.Tests.Host;

// The start-up cost line is Debug: at any other level the process's counters are not read at all.
public sealed class StartupCostTests
{
    [Theory]
    [InlineData(LogLevel.Information, 0, 0)]
    [InlineData(LogLevel.Debug, 1, 1)]
    public void Log_AtMinimumLevel_CountersReadOnlyWhenDebugIsOn(LogLevel minimum, int reads, int lines)
    {
        var logger = new LevelLogger(minimum);
        var read = 0;

        StartupCost.Log(logger, "test point", () =>
        {
            read++;
            return new StartupCounters(1500, 900, 42, 120);
        });

        Assert.Equal(reads, read);
        Assert.Equal(lines, logger.Messages.Count);
        Assert.All(logger.Messages, m => Assert.Contains("Start-up: test point at 1500 ms", m, StringComparison.Ordinal));
    }

    private sealed class LevelLogger(LogLevel minimum) : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => NullScope.Instance;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Messages.Add(formatter(state, exception));
            }
        }

        private sealed class NullScope : IDisposable
        {
            public static NullScope Instance { get; } = new();

            public void Dispose()
            {
            }
        }
    }
}
