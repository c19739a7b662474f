using System.Diagnostics;
using System.Text.Json;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Shared.Export;

// What readers the project did not write see in a file the app produced: exceljs for .xlsx, mammoth for .docx
// (npm devDependencies, run by node through read-office.js next to this file).
internal static class OfficeReaders
{
    public sealed record Sheet(string Name, IReadOnlyList<IReadOnlyList<string>> Rows);

    public sealed record Workbook(string? Creator, string? Title, IReadOnlyList<Sheet> Sheets);

    public static async Task<Workbook> ReadXlsxAsync(byte[] content)
    {
        using var json = await ReadAsync(content, ".xlsx");
        var root = json.RootElement;
        return new Workbook(
            root.GetProperty("creator").GetString(),
            root.GetProperty("title").GetString(),
            [.. root.GetProperty("sheets").EnumerateArray().Select(s => new Sheet(
                s.GetProperty("name").GetString()!,
                [.. s.GetProperty("rows").EnumerateArray().Select(r => (IReadOnlyList<string>)[.. r.EnumerateArray().Select(c => c.GetString()!)])]))]);
    }

    public static async Task<string> ReadDocxTextAsync(byte[] content)
    {
        using var json = await ReadAsync(content, ".docx");
        return json.RootElement.GetProperty("text").GetString()!;
    }

    private static async Task<JsonDocument> ReadAsync(byte[] content, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"samordning-office-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(file, content, TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(TestMachine.RepositoryRoot(), "tests", "Samordning.Tests", "Shared", "Export", "read-office.js"));
            start.ArgumentList.Add(file);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"The reader could not open the {extension} file: {await error}");
            return JsonDocument.Parse(await output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
