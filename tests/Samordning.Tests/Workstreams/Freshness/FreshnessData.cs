using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Workstreams.Freshness;

// What the freshness tests arrange and read: rounds, the one-click page and its form, the stored confirmations.
internal sealed partial class FreshnessData(SamordningFactory factory)
{
    public WorkstreamsApi Api { get; } = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<RoundProgress> OpenRoundAsync(string title) =>
        await WorkstreamsApi.ReadAsync<RoundProgress>(
            await WorkstreamsApi.PostAsync(Api.As(People.Coordinator), "/api/workstreams/rounds", new OpenRoundRequest(title, null, DateTimeOffset.UtcNow.AddDays(14))),
            HttpStatusCode.Created);

    public async Task CloseRoundAsync(Guid roundId) =>
        Assert.Equal(HttpStatusCode.OK, (await Api.As(People.Coordinator).PostAsync($"/api/workstreams/rounds/{roundId}/close", null, Ct)).StatusCode);

    public async Task CloseOpenRoundsAsync()
    {
        var rounds = await WorkstreamsApi.ReadAsync<List<RoundListItem>>(await Api.As(People.Observer).GetAsync("/api/workstreams/rounds", Ct), HttpStatusCode.OK);
        foreach (var round in rounds.Where(r => r.ClosedAt is null))
        {
            await CloseRoundAsync(round.Id);
        }
    }

    public async Task<InitiativeDetails> FinInitiativeAsync(string title) =>
        await Api.CreateInitiativeAsync(
            Builders.Initiative((await Api.MinistryAsync("FIN")).Id) with { Title = title, Status = Rag.Amber, StatusReason = "Venter på budsjett" },
            People.ContactPersonFin);

    public static string ConfirmUrl(Guid roundId, Guid initiativeId) => $"/arbeidsstrommer/runder/{roundId}/bekreft/{initiativeId}";

    public static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    // The page's form as a browser sends it: its anti-forgery token and the version it shows.
    public static async Task<(HttpStatusCode Status, string Html)> PostFormAsync(HttpClient client, string url, string form)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", AntiforgeryToken().Match(form).Groups[1].Value),
            new("Version", VersionField().Match(form).Groups[1].Value),
        ]), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    public async Task<List<RoundConfirmation>> ConfirmationsAsync(Guid roundId, Guid initiativeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        return await db.RoundConfirmations.AsNoTracking().Where(c => c.RoundId == roundId && c.InitiativeId == initiativeId).ToListAsync(Ct);
    }

    public async Task<Deadline> DeadlineAsync(Guid roundId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        foreach (var source in scope.ServiceProvider.GetRequiredService<IEnumerable<IDeadlineSource>>())
        {
            await foreach (var deadline in source.GetOpenDeadlinesAsync(DateTimeOffset.UtcNow, until: null, Ct))
            {
                if (deadline.Key == $"workstreams.round:{roundId}")
                {
                    return deadline;
                }
            }
        }

        throw new InvalidOperationException($"No deadline for round {roundId}.");
    }

    // Moves an initiative's status into the past, as time passing would.
    public async Task AgeAsync(Guid initiativeId, DateTimeOffset confirmedAt)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
        await db.Initiatives.Where(i => i.Id == initiativeId).ExecuteUpdateAsync(set => set.SetProperty(i => i.StatusConfirmedAt, confirmedAt), Ct);
    }

    // Noon in Oslo, `days` Oslo calendar days ago. `UtcNow.AddDays(-90)` is not that: late in a winter evening it
    // lands after midnight in Oslo on a summer day, and the page rightly says 89 days (CI found it at 22:02 UTC).
    public static DateTimeOffset OsloDaysAgo(int days)
    {
        var noon = Oslo.DateOf(DateTimeOffset.UtcNow).AddDays(-days).ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, Oslo.TimeZone.GetUtcOffset(noon));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionField();
}
