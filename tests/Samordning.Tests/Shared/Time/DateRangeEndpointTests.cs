using System.Net;
using System.Net.Http.Json;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Feedback.Data;
using Samordning.Feedback.Rounds;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Tests.Workstreams;

namespace Samordning.Tests.Shared.Time;

// Every date the app accepts lies in 2000-01-01 to 2100-12-31 (Oslo): one out of it is a 400 naming the field in
// every module, and a value stored out of it before the rule existed never takes a page down.
public sealed class DateRangeEndpointTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static readonly DateTimeOffset EndOfCalendar = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Coordinator => fixture.Factory.CreateClientAs(People.Coordinator);

    [Fact]
    public async Task OpenFeedbackRound_DeadlineAtTheCalendarsEnd_400NamingTheDeadline()
    {
        var request = Round(fixture.Clock.UtcNow, EndOfCalendar);

        var response = await Coordinator.PostAsJsonAsync("/api/feedback/rounds", request, FeedbackFixture.Json, Ct);

        var errors = await Problem.ReadErrorsAsync(response, Ct);
        Assert.Contains("2100", Assert.Single(errors["Deadline"]), StringComparison.Ordinal);
        Assert.Empty(await fixture.WithDbAsync(db => db.Rounds.Where(r => r.Title == request.Title).ToListAsync(Ct)));
    }

    [Fact]
    public async Task OpenFeedbackRound_OpeningBefore2000_400NamingTheOpeningTime()
    {
        var response = await Coordinator.PostAsJsonAsync("/api/feedback/rounds", Round(new DateTimeOffset(1999, 12, 31, 12, 0, 0, TimeSpan.Zero), fixture.Clock.UtcNow.AddDays(5)), FeedbackFixture.Json, Ct);

        Assert.True((await Problem.ReadErrorsAsync(response, Ct)).ContainsKey("OpensAt"));
    }

    [Fact]
    public async Task RecordInput_ReceivedBefore2000_400NamingTheDate()
    {
        var response = await Coordinator.PostAsJsonAsync("/api/feedback/items", RegisterApi.Record() with { ReceivedAt = new DateTimeOffset(1900, 1, 1, 12, 0, 0, TimeSpan.Zero) }, FeedbackFixture.Json, Ct);

        Assert.True((await Problem.ReadErrorsAsync(response, Ct)).ContainsKey("ReceivedAt"));
    }

    [Fact]
    public async Task ReportingRound_DeadlineAfter2100_400NamingTheDeadline()
    {
        var response = await Coordinator.PostAsJsonAsync("/api/workstreams/rounds", new Samordning.Workstreams.Rounds.OpenRoundRequest("Rapportering", null, EndOfCalendar), WorkstreamsApi.Json, Ct);

        Assert.True((await Problem.ReadErrorsAsync(response, Ct)).ContainsKey("Deadline"));
    }

    [Fact]
    public async Task Workstream_TargetDateAfter2100_400NamingTheTargetDate()
    {
        var response = await Coordinator.PostAsJsonAsync("/api/workstreams", Builders.Workstream() with { TargetDate = DateOnly.MaxValue }, WorkstreamsApi.Json, Ct);

        Assert.True((await Problem.ReadErrorsAsync(response, Ct)).ContainsKey("TargetDate"));
    }

    [Fact]
    public async Task Initiative_DatesOutOfRange_400NamingBoth()
    {
        var ministry = await new WorkstreamsApi(fixture.Factory).MinistryAsync("KMD");
        var request = Builders.Initiative(ministry.Id) with { StartDate = DateOnly.MinValue, EndDate = new DateOnly(2101, 1, 1) };

        var errors = await Problem.ReadErrorsAsync(await Coordinator.PostAsJsonAsync("/api/workstreams/initiatives", request, WorkstreamsApi.Json, Ct), Ct);

        Assert.True(errors.ContainsKey("StartDate") && errors.ContainsKey("EndDate"), string.Join(", ", errors.Keys));
    }

    [Fact]
    public async Task Meeting_StartAndEndOutOfRange_400NamingBoth()
    {
        var request = await MeetingTestData.RequestAsync(fixture.Factory) with { StartsAt = new DateTimeOffset(1999, 6, 1, 8, 0, 0, TimeSpan.Zero), EndsAt = EndOfCalendar };

        var errors = await Problem.ReadErrorsAsync(await Coordinator.PostAsJsonAsync("/api/meetings", request, Ct), Ct);

        Assert.True(errors.ContainsKey("StartsAt") && errors.ContainsKey("EndsAt"), string.Join(", ", errors.Keys));
    }

    [Fact]
    public async Task ActionItem_DueDateAfter2100_400NamingTheDueDate()
    {
        var meeting = await MeetingTestData.CreateLiveAsync(fixture.Factory);
        var owner = await fixture.Factory.PersonIdAsync(MeetingTestData.ParticipantHod, Ct);
        var request = new EntryRequest(EntryKind.ActionItem, "Send eksempler", OwnerPersonId: owner, DueDate: DateOnly.MaxValue);

        var response = await fixture.Factory.CreateClientAs(MeetingTestData.Facilitator).PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries", request, Ct);

        Assert.True((await Problem.ReadErrorsAsync(response, Ct)).ContainsKey("DueDate"));
    }

    [Fact]
    public async Task RoundsPage_DeadlineTypedAsYear9999_FieldErrorBesideTheDeadline()
    {
        var client = Coordinator;
        var antiforgery = await PublicForm.AntiforgeryAsync(client, "/innspillsregister/runder");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["Input.Title"] = "Runde fra skjema",
            ["Input.Audience"] = "Everyone",
            ["Input.Deadline"] = "9999-12-31T23:59",
            ["Input.RetentionMonths"] = "12",
        };

        var response = await client.PostAsync("/innspillsregister/runder", new FormUrlEncodedContent(form), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fristen må være mellom 1. januar 2000 og 31. desember 2100", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPages_RoundStoredAtTheCalendarsEnds_NoServerError()
    {
        var id = await StoreRoundAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        foreach (var path in new[] { "/innspill", $"/innspill/{id}", "/innspillsregister/runder", "/api/feedback/rounds", $"/api/feedback/rounds/{id}" })
        {
            var response = await Coordinator.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        var anonymous = await fixture.Factory.CreateClientAs(null).GetAsync("/innspill", Ct);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    // Instants anywhere in the calendar, and many within a day of its two ends, in any UTC offset.
    [Fact]
    public async Task RoundEndpointsAndPages_ArbitraryInstantsAtTheCalendarsEdges_NeverServerError()
    {
        var edgeTicks = Gen.OneOf(
            Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks],
            Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerDay],
            Gen.Long[DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.UtcTicks]);
        var instant = Gen.Select(edgeTicks, Gen.Int[-14 * 4, 14 * 4], (ticks, quarters) =>
        {
            var utc = new DateTimeOffset(ticks, TimeSpan.Zero);
            var offset = TimeSpan.FromMinutes(quarters * 15);
            var clock = ticks + offset.Ticks;
            return clock >= DateTime.MinValue.Ticks && clock <= DateTime.MaxValue.Ticks ? utc.ToOffset(offset) : utc;
        });

        await Gen.Select(instant, instant).SampleAsync(async pair =>
        {
            var (opensAt, deadline) = pair;
            var posted = await Coordinator.PostAsJsonAsync("/api/feedback/rounds", Round(opensAt, deadline), FeedbackFixture.Json, Ct);
            Assert.True(posted.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"POST {opensAt:O} – {deadline:O}: {(int)posted.StatusCode}");

            var id = await StoreRoundAsync(opensAt, deadline);
            foreach (var path in new[] { "/innspill", $"/innspill/{id}", "/innspillsregister/runder", $"/api/feedback/rounds/{id}" })
            {
                var response = await Coordinator.GetAsync(path, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} with {opensAt:O} – {deadline:O}: {(int)response.StatusCode}");
            }

            await RemoveRoundAsync(id);
        }, iter: 25, threads: 1);
    }

    private static OpenRoundRequest Round(DateTimeOffset opensAt, DateTimeOffset deadline) =>
        new($"Runde {Guid.NewGuid():N}", null, [Audience.Everyone], [], opensAt, deadline, true, 12);

    // As if it was saved before the range was enforced: straight into the module's store.
    private async Task<Guid> StoreRoundAsync(DateTimeOffset opensAt, DateTimeOffset deadline)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var round = new InputRound
        {
            Title = $"Lagret runde {Guid.NewGuid():N}", Audience = Audience.Everyone, OpensAt = opensAt, Deadline = deadline, IsPublic = true,
            RetentionMonths = 12, CreatedAt = fixture.Clock.UtcNow, CreatedBy = "Test",
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(Ct);
        return round.Id;
    }

    private async Task RemoveRoundAsync(Guid id)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await db.Rounds.Where(r => r.Id == id).ExecuteDeleteAsync(Ct);
    }
}
