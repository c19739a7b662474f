using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Submissions;
using Samordning.Shared.Text;

namespace Samordning.Feedback;

/// <summary>Feedback: input rounds, the public input page, the feedback register and its assessment.</summary>
public sealed class FeedbackModule : IModule
{
    /// <inheritdoc />
    public string Name => FeedbackDbContext.Store;

    /// <inheritdoc />
    public IEnumerable<NavigationLink> Navigation =>
    [
        new("/innspillsregister", new LocalizedText("Innspill", "Input")),
    ];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<FeedbackDbContext, SqliteFeedbackDbContext>(configuration, FeedbackDbContext.Store);
        services.AddScoped<SubmitInput>();
        var sqlite = DatabaseSettings.From(configuration).Provider == DatabaseProvider.Sqlite;
        if (sqlite)
        {
            services.ConfigureDbContext<SqliteFeedbackDbContext>(options => options.AddInterceptors(new SqliteBusyTimeout()));
        }

        // On by default; the switch is there to measure the queue against SQLite's busy handler alone.
        var queue = sqlite && configuration.GetValue("Modules:Feedback:QueueSqliteWrites", true);
        services.AddSingleton(_ => new FeedbackWrites(oneAtATime: queue));
    }
}
