using System.Diagnostics;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Notifications;

// The npm smtp-server (a devDependency of the repository) run by node on a free loopback port. Received messages
// are .eml files in a folder of its own. The process started here is stopped by its PID, nothing else.
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private int pid;

    private SmtpSink(int port, string folder)
    {
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public bool Running => pid != 0;

    // A port nothing listens on yet: the tests start the server on it later to play "SMTP down, then up".
    public static SmtpSink OnFreePort() => new(TestMachine.FreePort(), Directory.CreateTempSubdirectory("samordning-smtp-").FullName);

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = OnFreePort();
        await sink.StartServerAsync();
        return sink;
    }

    public async Task StartServerAsync()
    {
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestMachine.RepositoryRoot(), "tests", "Samordning.Tests", "Notifications", "smtp-sink.js"));
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(Folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        pid = process.Id;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "listening")
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await listening.Task.WaitAsync(StartTimeout);
    }

    public async Task StopServerAsync()
    {
        if (pid == 0)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        pid = 0;
    }

    public IReadOnlyList<string> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    // The messages whose To header carries this address.
    public IReadOnlyList<string> MessagesTo(string address) =>
        Messages().Where(m => m.Contains($"<{address}>", StringComparison.OrdinalIgnoreCase)).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
