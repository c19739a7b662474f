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
        services.AddSingleton(_ => new FeedbackWrites(oneAtATime: sqlite));
    }
}
