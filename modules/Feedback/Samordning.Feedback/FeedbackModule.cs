using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
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
        new("/innspillsregister", new LocalizedText("Innspill", "Input"), IsFor: FeedbackAccess.CanRead),
    ];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<FeedbackDbContext, SqliteFeedbackDbContext, PostgresFeedbackDbContext>(configuration, FeedbackDbContext.Store);
        services.AddScoped<SubmitInput>();
        services.AddScoped<Guests.RoundGuestServices>();
        services.AddScoped<Journal.Journaling>();
        services.AddScoped<Journal.JournalQuery>();
        services.AddOptions<Journal.JournalSettings>()
            .Bind(configuration.GetSection(Journal.JournalSettings.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.AdministrativeUnit), "Modules:Feedback:Journal:AdministrativeUnit must name who keeps the journal.")
            .ValidateOnStart();
        services.AddOptions<PublicOrganiser>()
            .Bind(configuration.GetSection(PublicOrganiser.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.NameNb) && !string.IsNullOrWhiteSpace(o.NameEn), "Modules:Feedback:Organiser needs NameNb and NameEn.")
            .ValidateOnStart();
        services.AddOptions<Privacy.FeedbackRetention>()
            .Bind(configuration.GetSection(Privacy.FeedbackRetention.Section))
            .Validate(o => o.InputWithoutRoundMonths is >= 1 and <= 120, "Modules:Feedback:Retention:InputWithoutRoundMonths must be from 1 to 120.")
            .ValidateOnStart();
        // Expected failures are logged as such on either provider (the SQLite context is its own type).
        services.ConfigureDbContext<SqliteFeedbackDbContext>(options => Expected(options));
        services.ConfigureDbContext<FeedbackDbContext>(options => Expected(options));
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
