using System.Text.Json;
using Microsoft.Playwright;

namespace Samordning.EndToEnd.Infrastructure;

internal sealed record AxeViolation(string Page, string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Page}: {Id} ({Impact}) {Help} — {string.Join(", ", Targets)}";
}

// Runs axe-core (the npm package at the repository root) against the page as rendered, for WCAG 2.1 A and AA.
internal static class Axe
{
    private const string Run = """
        async () => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? '',
                help: v.help,
                targets: v.nodes.map(n => JSON.stringify(n.target)),
            }));
        }
        """;

    private static readonly Lazy<string> Source = new(() => File.Exists(RepositoryPaths.AxeScript)
        ? File.ReadAllText(RepositoryPaths.AxeScript)
        : throw new InvalidOperationException($"{RepositoryPaths.AxeScript} is missing: run `npm ci` at the repository root."));

    // Only what blocks or seriously hinders people fails the build; moderate and minor findings are for review.
    private static readonly string[] Failing = ["serious", "critical"];

    public static async Task<IReadOnlyList<AxeViolation>> CheckAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = Source.Value });
        var found = await page.EvaluateAsync<JsonElement>(Run);
        var name = new Uri(page.Url).PathAndQuery;
        return [.. found.EnumerateArray()
            .Select(v => new AxeViolation(
                name,
                v.GetProperty("id").GetString() ?? "",
                v.GetProperty("impact").GetString() ?? "",
                v.GetProperty("help").GetString() ?? "",
                [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString() ?? "")]))
            .Where(v => Failing.Contains(v.Impact))];
    }
}
