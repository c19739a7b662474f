using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
            services.ConfigureDbContext<SqliteFeedbackDbContext>(options => Expected(options).AddInterceptors(new SqliteBusyTimeout()));
        }
        else
        {
            services.ConfigureDbContext<FeedbackDbContext>(options => Expected(options));
        }

        // On by default; the switch is there to measure the queue against SQLite's busy handler alone.
        var queue = sqlite && configuration.GetValue("Modules:Feedback:QueueSqliteWrites", true);
        services.AddSingleton(_ => new FeedbackWrites(oneAtATime: queue));
    }

    // A double click is answered by the unique index (the second insert fails and gets the first receipt), and a
    // stale edit by the row version: both are expected, so EF's own "command failed" and "save failed" are logged
    // at Information for this store, not as errors. A failure nobody handles still reaches the host's handler as
    // an exception and is logged there.
    private static DbContextOptionsBuilder Expected(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Information),
            (CoreEventId.SaveChangesFailed, LogLevel.Information)));
}
