using System.Diagnostics;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Samordning.EndToEnd.Infrastructure;

// An independent OpenID Provider (the npm package oidc-provider, through tests/Samordning.EndToEnd/oidc/provider.mjs)
// as a node process on loopback. Its PID is recorded when it starts, and it is stopped by that PID.
internal sealed class OidcProviderProcess : IAsyncDisposable
{
    public const string ClientId = "samordning";
    public const string ClientSecret = "e2e-client-secret";
    public const string SystemClientId = "rapportsystem";
    public const string SystemClientSecret = "e2e-system-secret";
    public const string ApiAudience = "api://samordning";
    public const string OtherAudience = "api://another-app";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess process;
    private readonly string keyFile;

    private OidcProviderProcess(ChildProcess process, string keyFile, Uri issuer)
    {
        this.process = process;
        this.keyFile = keyFile;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    public int ProcessId => process.ProcessId;

    // The provider's own signing key (private part included), for tokens the app must refuse despite the signature.
    public JsonWebKey SigningKey { get; private set; } = null!;

    public static string Script => Path.Combine(RepositoryPaths.Root, "tests", "Samordning.EndToEnd", "oidc", "provider.mjs");

    public static async Task<OidcProviderProcess> StartAsync(string profile, Uri app, CancellationToken cancellationToken)
    {
        var port = HostProcess.FreePort();
        var keyFile = Path.Combine(Path.GetTempPath(), $"samordning-e2e-op-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in (string[])[Script, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--app", app.GetLeftPart(UriPartial.Authority), "--profile", profile, "--key-out", keyFile])
        {
            start.ArgumentList.Add(argument);
        }

        var provider = new OidcProviderProcess(new ChildProcess("oidc-provider", start), keyFile, new Uri($"http://127.0.0.1:{port}"));
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.process.LineReceived += line =>
        {
            if (line.StartsWith("oidc-provider ready", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        try
        {
            provider.process.Start();
            await ready.Task.WaitAsync(StartTimeout, cancellationToken);
            var written = JsonDocument.Parse(await File.ReadAllTextAsync(keyFile, cancellationToken));
            provider.SigningKey = new JsonWebKey(written.RootElement.GetProperty("key").GetRawText());
            return provider;
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or InvalidOperationException)
        {
            await provider.DisposeAsync();
            throw new InvalidOperationException($"oidc-provider did not start (is `npm ci` done?).\n{provider.process.Output}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await process.StopAsync();
        process.Dispose();
        File.Delete(keyFile);
    }
}
