using System.Diagnostics;
using System.Globalization;
using MimeKit;

namespace Samordning.EndToEnd.Infrastructure;

// The npm smtp-server sink the integration tests use, writing each mail it receives as an .eml file in a folder.
internal static class SmtpSinkProcess
{
    public static Process Start(int port, string folder)
    {
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "Samordning.Tests", "Notifications", "smtp-sink.js"));
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(folder);
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // By the PID the test started, never by name.
    public static void Stop(Process sink)
    {
        if (!sink.HasExited)
        {
            sink.Kill();
            sink.WaitForExit(5_000);
        }
    }

    // The first mail in the sink's folder that matches, read as the recipient's client would; polls until the wait is over.
    public static async Task<MimeMessage> WaitForMailAsync(string folder, Func<MimeMessage, bool> match, TimeSpan wait, string what)
    {
        var until = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < until)
        {
            foreach (var file in Directory.GetFiles(folder, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
                if (match(message))
                {
                    return message;
                }
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No {what} within {wait}.");
    }

    // Whether the mail is addressed to the address (any case).
    public static bool IsTo(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));
}
