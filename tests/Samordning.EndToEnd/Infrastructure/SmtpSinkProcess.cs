using System.Diagnostics;
using System.Globalization;

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
}
