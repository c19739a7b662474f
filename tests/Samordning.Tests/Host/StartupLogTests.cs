using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samordning.Shared.Persistence;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// What a normal start prints at the configured log levels (appsettings.json and appsettings.Development.json, as
// build/run starts it): the operator's summary, no warnings, and none of OpenIddict's request-by-request output
// (which at Information prints the whole discovery document and the signing keys).
public sealed class StartupLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_DevelopmentSignInRedirect_NoWarningNoOpenIddictOutputAndOneMigrationLinePerStore()
    {
        var log = new BadRequestTests.LogCollector();
        await using var factory = SamordningFactory.Create(new()
        {
            TestSchemeChallenges = false,
            ConfigureServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(log);
                // The OpenID Connect handler reads the bundled provider's discovery document and keys over the test server.
                services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
                    .Configure<IServer>((options, server) => options.BackchannelHttpHandler = ((TestServer)server).CreateHandler());
            },
        });

        // A page behind sign-in (the front page is public since issue 16), so the OpenID Connect handler starts.
        var response = await factory.CreateClientAs(null).GetAsync("/departementer", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = log.Entries.ToList();
        Assert.Empty(entries.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Category}: {e.Message}"));
        Assert.Empty(entries.Where(e => e.Category.StartsWith("OpenIddict", StringComparison.Ordinal)).Select(e => e.Message));
        var stores = factory.Services.GetServices<ModuleDatabase>().Select(d => d.Store).ToList();
        Assert.NotEmpty(stores);
        Assert.All(stores, store => Assert.Single(entries, e => e.Message.StartsWith($"Database store {store}:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ModuleContexts_Registered_ChooseHowCollectionsAreQueried()
    {
        // Without a choice EF logs MultipleCollectionIncludeWarning on every query that includes two collections.
        await using var factory = new SamordningFactory();
        await using var scope = factory.Services.CreateAsyncScope();

        foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var relational = RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>());
            Assert.True(relational.QuerySplittingBehavior == QuerySplittingBehavior.SingleQuery, $"{database.Store}: {relational.QuerySplittingBehavior}");
        }
    }
}
