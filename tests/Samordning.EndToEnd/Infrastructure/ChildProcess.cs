using System.Diagnostics;

namespace Samordning.EndToEnd.Infrastructure;

// A process the tests start (the host, an identity provider): what it writes is kept line by line to explain a
// failure, and it is stopped by the PID recorded when it started, never by name.
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    public ChildProcess(string name, ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Received(e.Data);
        process.ErrorDataReceived += (_, e) => Received(e.Data);

        // A process that dies mid-run (a crash, or killed from outside) shows in the browser only as refused
        // connections; this line in the log says what happened.
        process.Exited += (_, _) => Append($"(the {name} process exited with code {process.ExitCode})");
    }

    // Each line as it arrives, for a caller that waits for a "ready" line.
    public event Action<string>? LineReceived;

    public int ProcessId { get; private set; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string Output => string.Join('\n', LinesFrom(0));

    public int LineCount
    {
        get
        {
            lock (output)
            {
                return output.Count;
            }
        }
    }

    public IReadOnlyList<string> LinesFrom(int start)
    {
        lock (output)
        {
            return output[Math.Min(start, output.Count)..];
        }
    }

    public void Start()
    {
        process.Start();
        ProcessId = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public void Append(string line)
    {
        lock (output)
        {
            output.Add(line);
        }
    }

    // Kills the process recorded at start (and what it started), then waits for its output to drain; bounded, so
    // a stuck pipe cannot hang the run.
    public async Task StopAsync()
    {
        if (ProcessId == 0)
        {
            return;
        }

        try
        {
            using var running = Process.GetProcessById(ProcessId);
            running.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Exited between the lookup and the kill.
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Append("(the process did not exit within 30 s of being killed)");
        }
    }

    public void Dispose() => process.Dispose();

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        Append(line);
        LineReceived?.Invoke(line);
    }
}
