using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// A request the server cannot read is the client's mistake: ProblemDetails naming the field, and no error in the log.
public sealed class BadRequestTests : IAsyncDisposable
{
    private readonly LogCollector log = new();
    private readonly SamordningFactory factory;

    public BadRequestTests() =>
        factory = SamordningFactory.Create(new() { ConfigureServices = services => services.AddSingleton<ILoggerProvider>(log) });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_MalformedQueryValue_ProblemNamingTheFieldAndNoErrorLogged()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var response = await client.GetAsync("/api/ministries?includeInactive=abc", Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Contains("includeInactive", errors.Keys);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("includeInactive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_MalformedQueryValueInProduction_AlsoNamesTheField()
    {
        // Outside Development, ASP.NET Core answers a failed binding with a bare 400 unless told to throw.
        await using var production = SamordningFactory.Create(new()
        {
            Environment = "Production",
            Settings = new Dictionary<string, string?>
            {
                ["Auth:Authority"] = "https://idp.example.no",
                ["Auth:ClientSecret"] = "from-the-vault",
                ["Modules:Ministries:DemoPeople:0:Name"] = "Kari Nordmann",
                ["Modules:Ministries:DemoPeople:0:Email"] = People.Coordinator,
                ["Modules:Ministries:DemoPeople:0:Ministry"] = "KMD",
                ["Modules:Ministries:DemoPeople:0:Roles:0"] = "Coordinator",
            },
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(log),
        });
        var client = production.CreateClientAs(People.Coordinator);

        var response = await client.GetAsync("/api/ministries?includeInactive=abc", Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Contains("includeInactive", errors.Keys);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Post_MalformedJsonBody_ProblemNamingTheField()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        using var body = new StringContent("""{"code": "XYZ", "nameNb": }""", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/ministries", body, Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Contains("nameNb", errors.Keys);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Post_WrongContentType_ProblemWithItsStatus()
    {
        var client = factory.CreateClientAs(People.Coordinator);
        using var body = new StringContent("code=XYZ", Encoding.UTF8, "text/plain");

        var response = await client.PostAsync("/api/ministries", body, Ct);

        await Problem.ReadAsync(response, HttpStatusCode.UnsupportedMediaType, Ct);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Get_MalformedQueryValueInEnglish_EnglishDetail()
    {
        var client = factory.CreateClientAs(People.Coordinator);

        var response = await client.GetAsync("/api/ministries?includeInactive=abc&culture=en", Ct);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, Ct);
        Assert.Equal("The value for 'includeInactive' is not valid or is missing.", problem.GetProperty("detail").GetString());
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    internal sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCollector collector, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                collector.Entries.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}
