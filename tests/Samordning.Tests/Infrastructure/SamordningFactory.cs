using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Ministries.Contracts;

namespace Samordning.Tests.Infrastructure;

// The host on SQLite files in a temp folder of its own (or, in the suite's server passes, a database of its own),
// with no job server, and a header-based test sign-in in place of OpenID Connect. Several factories may share a
// data folder (and a Redis) to act as nodes; on PostgreSQL they then share the folder's database.
public sealed class SamordningFactory : WebApplicationFactory<Program>
{
    private readonly bool ownsDataFolder;
    private readonly Dictionary<string, string?> settings;

    public SamordningFactory()
        : this(new SamordningFactoryOptions())
    {
    }

    // One public constructor, as xunit requires of a class fixture; other set-ups go through Create.
    private SamordningFactory(SamordningFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        ownsDataFolder = options.DataFolder is null;
        DataFolder = options.DataFolder ?? Path.Combine(Path.GetTempPath(), "samordning-tests", Guid.NewGuid().ToString("N"));
        settings = new Dictionary<string, string?>(options.Settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = DataFolder,
            ["Jobs:RunServer"] = "false",
        };
        // Production refuses to start without a data-protection certificate; a test that wants that refusal sets
        // the key itself (to an empty value).
        if (options.Environment == "Production" && !settings.ContainsKey("DataProtection:CertificatePath"))
        {
            settings["DataProtection:CertificatePath"] = TestCertificate.WritePfx(DataFolder);
            settings["DataProtection:CertificatePassword"] = TestCertificate.Password;
        }

        if (TestDatabase.OnServer)
        {
            ServerConnectionString = TestDatabase.CreateServerDatabase(DataFolder);
            settings["Database:Provider"] = TestDatabase.Provider;
            settings["Database:ConnectionString"] = ServerConnectionString;
        }
    }

    // The database of this host on a server pass of the suite (PostgreSQL, SQL Server); null on SQLite.
    public string? ServerConnectionString { get; }

    public static SamordningFactory Create(SamordningFactoryOptions options) => new(options);

    public SamordningFactoryOptions Options { get; }

    public string DataFolder { get; }

    // A client that signs in as the person with this e-mail (or anonymous with null) and never follows redirects,
    // so tests see the host's own answer.
    public HttpClient CreateClientAs(string? email)
    {
        // The base address of ClientOptions: a test on Kestrel (UseKestrel) points it at the real address.
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (email is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.Header, email);
        }

        return client;
    }

    // The registry id of a person, read through the module's own contract as other modules would.
    public async Task<Guid> PersonIdAsync(string email, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IMinistryDirectory>();
        var person = await directory.FindSignedInPersonAsync(null, email, cancellationToken);
        return person?.Id ?? throw new InvalidOperationException($"{email} is not in the registry.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Options.Environment);

        // Host settings reach WebApplicationBuilder.Configuration before Program reads it (the module DbContexts
        // read the data folder while registering); ConfigureAppConfiguration would only apply after Build.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(TestAuthHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
            services.Configure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = TestAuthHandler.SchemeName;
                options.DefaultAuthenticateScheme = TestAuthHandler.SchemeName;
                if (Options.TestSchemeChallenges)
                {
                    options.DefaultChallengeScheme = TestAuthHandler.SchemeName;
                    options.DefaultForbidScheme = TestAuthHandler.SchemeName;
                }
            });
            Options.ConfigureServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDataFolder && Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }

        if (ownsDataFolder && ServerConnectionString is not null)
        {
            TestDatabase.DropServerDatabase(ServerConnectionString);
        }
    }
}

public sealed class SamordningFactoryOptions
{
    public string Environment { get; init; } = "Development";

    // A folder shared with another factory (the caller deletes it); null for a fresh temp folder per factory.
    public string? DataFolder { get; init; }

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    // False keeps the host's own challenge (OpenID Connect) for tests of what an anonymous person meets.
    public bool TestSchemeChallenges { get; init; } = true;

    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
