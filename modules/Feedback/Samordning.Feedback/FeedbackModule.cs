using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samordning.Feedback;

/// <summary>Feedback: input rounds, the public input page, the feedback register and its assessment.</summary>
public sealed class FeedbackModule : IModule
{
    /// <inheritdoc />
    public string Name => "feedback";

    /// <inheritdoc />
    public IEnumerable<NavigationLink> Navigation => [];

    /// <inheritdoc />
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
    }
}
