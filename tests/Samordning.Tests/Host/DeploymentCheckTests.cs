using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Samordning.Host.Deployment;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

public sealed class DeploymentCheckTests
{
    private static readonly Dictionary<string, string?> TwoServerNodes = new()
    {
        ["Deployment:Nodes"] = "2",
        ["Database:Provider"] = "PostgreSql",
        ["Database:ConnectionString"] = "Host=db;Database=samordning",
        ["Jobs:Storage"] = "PostgreSql",
        ["Redis:Configuration"] = "redis:6379",
        ["DataProtection:CertificatePath"] = "/etc/samordning/dp.pfx",
    };

    [Fact]
    public void Verify_TwoNodesWithoutRedis_RefusesNamingRedis()
    {
        var message = Refusal(With(TwoServerNodes, "Redis:Configuration", null));

        Assert.Contains("Deployment:Nodes is 2 but Redis:Configuration is empty", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TwoNodesOnSqlite_RefusesNamingSqlite()
    {
        var settings = With(With(TwoServerNodes, "Database:Provider", "Sqlite"), "Database:ConnectionString", null);

        var message = Refusal(settings);

        Assert.Contains("Deployment:Nodes is 2 but Database:Provider is Sqlite", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TwoNodesWithInMemoryJobs_RefusesNamingJobStorage()
    {
        var message = Refusal(With(TwoServerNodes, "Jobs:Storage", null));

        Assert.Contains("Deployment:Nodes is 2 but Jobs:Storage is InMemory", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ProductionWithoutCertificate_RefusesNamingDataProtection()
    {
        var message = Refusal(With(TwoServerNodes, "DataProtection:CertificatePath", null));

        Assert.Contains("neither DataProtection:CertificatePath nor DataProtection:CertificateThumbprint is set", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TwoServerNodesWithRedisAndCertificate_Accepts()
    {
        var problems = DeploymentCheck.Problems(Configuration(TwoServerNodes), new Environment("Production"));

        Assert.Empty(problems);
    }

    [Fact]
    public void Verify_OneSqliteNodeInDevelopment_Accepts()
    {
        var problems = DeploymentCheck.Problems(Configuration([]), new Environment("Development"));

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Start_ProductionWithoutCertificate_StopsBeforeServing()
    {
        await using var factory = SamordningFactory.Create(new()
        {
            Environment = "Production",
            Settings = new Dictionary<string, string?> { ["Auth:Authority"] = "https://idp.example.no", ["DataProtection:CertificatePath"] = "" },
        });

        var exception = Record.Exception(() => factory.Services);

        Assert.NotNull(exception);
        Assert.Contains("DataProtection:CertificatePath", exception.ToString(), StringComparison.Ordinal);
    }

    private static string Refusal(Dictionary<string, string?> settings)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => DeploymentCheck.Verify(Configuration(settings), new Environment("Production")));
        return exception.Message;
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, string key, string? value) =>
        new(settings) { [key] = value };

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Samordning";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
