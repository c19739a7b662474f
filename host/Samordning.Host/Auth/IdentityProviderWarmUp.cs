using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Samordning.Host.Auth;

// The first sign-in challenge after a start would fetch the identity provider's discovery document and keys while
// the person waits (with the bundled provider from this very host, whose endpoints are not compiled yet either):
// 3.8 s for the first /arbeidsstrommer on a loaded machine. Fetched once in the background as soon as the host
// listens instead, off the readiness path; the handler's configuration manager keeps the answer, and a challenge that
// comes while it runs waits for the same fetch rather than starting a second. A provider that does not answer is
// left to the challenge (a clear error page) and to /health/ready, as before.
internal sealed partial class IdentityProviderWarmUp(
    IOptionsMonitor<OpenIdConnectOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<IdentityProviderWarmUp> logger,
    ILoggerFactory loggers) : Samordning.Shared.Modules.WarmUpAfterStart
{
    protected override async Task WarmAsync()
    {
        try
        {
            if (options.Get(OpenIdConnectDefaults.AuthenticationScheme).ConfigurationManager is { } manager)
            {
                await manager.GetConfigurationAsync(lifetime.ApplicationStopping);
                Modules.StartupCost.Log(loggers.CreateLogger(Modules.StartupCost.Category), "identity provider's configuration fetched");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogWarmUpFailed(logger, exception);
        }
        catch (OperationCanceledException)
        {
            // Stopped before the provider answered.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetching the identity provider's configuration at start-up failed; the first sign-in fetches it")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
