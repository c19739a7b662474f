using System.Diagnostics;
using System.Net;

namespace Samordning.Testing;

// Waits for a host process the tests started to answer /health/ready. Compiled into each test project that starts
// real host processes (linked from tests/Common), so the integration and end-to-end suites wait the same way.
internal static class HostReadiness
{
    // exitCode: the process's exit code once it has exited, null while it runs.
    public static async Task WaitAsync(Uri address, Func<int?> exitCode, Func<string> output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (exitCode() is { } code)
            {
                throw new InvalidOperationException($"The host exited with code {code} before it was ready.\n{output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One probe timed out while the host was busy starting (migrating); try again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"The host at {address} was not ready within {timeout.TotalSeconds} s.\n{output()}");
    }
}
