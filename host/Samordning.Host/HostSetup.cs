using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Samordning.Host.Auth;
using Samordning.Host.Data;
using Samordning.Host.Deployment;
using Samordning.Host.DevIdentity;
using Samordning.Host.Jobs;
using Samordning.Host.Live;
using Samordning.Host.Modules;
using Samordning.Host.Observability;
using Samordning.Host.Outbox;
using Samordning.Host.Search;
using Samordning.Host.Web;
using Samordning.Shared.Events;
using Samordning.Shared.Live;
using Samordning.Shared.Persistence;
using Samordning.Shared.Time;
using Scalar.AspNetCore;

namespace Samordning.Host;

// Composition only: what the host owns, in the order it needs it. No business logic lives here.
internal static class HostSetup
{
    public static WebApplicationBuilder AddSamordning(this WebApplicationBuilder builder, ModuleCatalog catalog)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddModules(configuration, catalog);
        services.AddSiteSearch();
        services.AddModuleDbContext<HostDbContext, SqliteHostDbContext, PostgresHostDbContext>(configuration, HostDbContext.Store);
        services.AddSingleton<IClock, SystemClock>();
        services.AddScoped<IEventPublisher, EventPublisher>();
        services.AddSamordningOutbox(configuration);
        services.AddMemoryCache();
        services.AddSamordningObservability(configuration);

        services.AddSamordningAuthentication(configuration, builder.Environment);
        DeploymentCheck.Verify(configuration, builder.Environment);
        services.AddSamordningDataProtection(configuration);

        services.AddSingleton<LiveBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveBroadcaster>());
        services.AddScoped<LiveUpdates>();
        services.AddScoped<ILiveUpdates>(sp => sp.GetRequiredService<LiveUpdates>());
        services.AddScoped<LiveTopicAuthorizer>();
        services.AddScoped<Overview.OverviewVisits>();
        services.AddScoped<Process.ProcessTimeline>();
        services.AddScoped<ILiveTopicPolicy, UserTopicPolicy>();
        services.AddScoped<Samordning.Shared.Jobs.IRecurringJob, LiveItemRetention>();
        var signalR = services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = 32 * 1024;
            options.MaximumParallelInvocationsPerClient = 2;
        });
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("samordning"));
        }

        services.AddSamordningJobs(configuration);
        services.AddSamordningHealthChecks();
        services.AddSamordningProblemDetails();
        services.AddSamordningRateLimiting(configuration);
        services.AddSamordningProxyHeaders(configuration);
        services.AddSamordningLocalization();
        services.AddPublicPageCache(configuration);
        services.AddOpenApi();

        // Enums travel as their names ("InProgress", "Red"), which the API's readers and writers understand.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // Every text read from a JSON body or a form is normalised by the one rule (Shared PlainText).
        services.AddPlainTextInput();

        // Norwegian letters stay letters in the HTML (still encoded where markup could break out).
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Module pages live in the module assemblies (Razor class libraries); the catalog, not MSBuild's
        // guess, says which assemblies are modules.
        services.AddRazorPages().ConfigureApplicationPartManager(parts =>
        {
            foreach (var assembly in catalog.Modules.Select(m => m.GetType().Assembly).Distinct())
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });
        // The hosted services (Kestrel with the pipeline it builds, Hangfire's server, the workers) start side by
        // side: one after the other, a start on two cores leaves one of them idle for most of its length
        // (docs/benchmarks.md, Start-up). None waits for another's start; the client registration and the identity
        // provider's warm-up run in StartedAsync, after every service has started.
        services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
            options.AddServerHeader = false;
        });

        return builder;
    }

    public static async Task UseSamordningAsync(this WebApplication app)
    {
        // Settings checked before anything reads them (ValidateOnStart would come only after the pipeline is built).
        _ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthSettings>>().Value;
        await app.InitializeModulesAsync();

        // First: everything after it (rate limits, redirects, the sign-in's redirect address) sees the citizen's
        // address and scheme, not the load balancer's.
        app.UseSamordningProxyHeaders(app.Configuration);

        // Localization first, so that error responses (ProblemDetails titles, the error pages re-executed by the
        // status code pages, a bad request's field message) are in the person's language too.
        app.UseRequestLocalization();
        app.UseSamordningErrors();
        app.UseSecurityHeaders(app.Configuration);
        app.UseStaticFiles();
        app.UseRouting();
        app.UsePlainTextForms();
        app.UseRateLimiter();
        if (AuthSettings.From(app.Configuration).UsesDevelopmentIdentityProvider)
        {
            app.UseDevelopmentIdentityRequests();
        }

        app.UseAuthentication();
        app.UseGuestSessions();
        app.UsePreferredLanguage();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UsePublicPageCache();

        app.MapSamordningHealthChecks();
        app.MapOpenApi();
        app.MapScalarApiReference("/openapi/reference", options => options.WithTitle("Samordning API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        if (AuthSettings.From(app.Configuration).UsesDevelopmentIdentityProvider)
        {
            app.MapDevelopmentIdentityEndpoints();
        }

        app.MapAccountEndpoints();
        app.MapLanguageSwitch();
        app.MapLiveEndpoints();
        app.MapSearchEndpoints();
        Process.ProcessFeeds.MapProcessFeeds(app);
        app.MapModuleEndpoints();
        app.MapSamordningJobs();
        app.MapRazorPages();
    }
}
