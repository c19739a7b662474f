using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Live;
using Samordning.Tests.Feedback;
using Samordning.Tests.Infrastructure;
using Samordning.Tests.Meetings;
using Samordning.Tests.Workstreams;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Live;

// Issue 16, point 6: the list pages follow a topic from the sequence they rendered, every change that concerns them
// is stored on that topic, and who may follow it is decided with the same scope as the list (ministry for input).
public sealed partial class LiveListsTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitiativeListAndPage_InitiativeChanged_ItemOnTheTopicsThePagesRenderAfterTheirSequence()
    {
        var api = new WorkstreamsApi(factory);
        var client = api.As(People.Coordinator);
        var request = Builders.Initiative(await MinistryAsync("FIN"));
        var created = await api.CreateInitiativeAsync(request);
        var (listTopic, listAfter) = Region(await client.GetStringAsync("/arbeidsstrommer/tiltak", Ct), "initiatives");
        var (pageTopic, pageAfter) = Region(await client.GetStringAsync($"/arbeidsstrommer/tiltak/{created.Id}", Ct), "initiative");

        await WorkstreamsApi.ReadAsync<InitiativeDetails>(
            await WorkstreamsApi.PutAsync(client, $"/api/workstreams/initiatives/{created.Id}", request with { Title = "Endret", Version = created.Version }),
            HttpStatusCode.OK);

        Assert.Equal(("dashboard", $"initiative:{created.Id}"), (listTopic, pageTopic));
        Assert.Contains(await ItemsAsync(client, listTopic, listAfter), i => i.Payload.Contains("Endret", StringComparison.Ordinal));
        Assert.Single(await ItemsAsync(client, pageTopic, pageAfter));
    }

    [Fact]
    public async Task MeetingListAndParticipants_RegistrationAndAttendance_ItemsOnListAndMeetingTopics()
    {
        var meeting = await MeetingTestData.CreateAsync(factory);
        var participant = factory.CreateClientAs(MeetingTestData.ParticipantHod);
        var (listTopic, listAfter) = Region(await participant.GetStringAsync("/moter", Ct), "meetings");
        var (pageTopic, pageAfter) = Region(await participant.GetStringAsync($"/moter/{meeting.Id}", Ct), "participants");

        var registered = await participant.PostAsync($"/api/meetings/{meeting.Id}/registration", null, Ct);

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(("meetings", $"meeting:{meeting.Id}"), (listTopic, pageTopic));
        Assert.NotEmpty(await ItemsAsync(participant, listTopic, listAfter));
        Assert.Equal("meetings.participants", Assert.Single(await ItemsAsync(participant, pageTopic, pageAfter)).Type);
    }

    [Fact]
    public async Task InputRegister_InputRecordedForFin_OnFinTopicAndNotFollowableByAnotherMinistry()
    {
        var fin = factory.CreateClientAs(People.ContactPersonFin);
        var (topic, after) = Region(await fin.GetStringAsync("/innspillsregister", Ct), "register");
        var (coordinatorTopic, coordinatorAfter) = Region(await factory.CreateClientAs(People.Coordinator).GetStringAsync("/innspillsregister", Ct), "register");

        await RegisterApi.RecordAsync(fin, RegisterApi.Record());

        Assert.Equal($"feedback:ministry:{await MinistryAsync("FIN")}", topic);
        Assert.Equal("feedback", coordinatorTopic);
        Assert.Single(await ItemsAsync(fin, topic, after));
        Assert.NotEmpty(await ItemsAsync(factory.CreateClientAs(People.Coordinator), coordinatorTopic, coordinatorAfter));
        await Problem.ReadAsync(await factory.CreateClientAs(People.ContactPersonHod).GetAsync($"/api/live?topic={topic}&after=0", Ct), HttpStatusCode.Forbidden, Ct);
        await Problem.ReadAsync(await factory.CreateClientAs(People.ContactPersonHod).GetAsync("/api/live?topic=feedback&after=0", Ct), HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Rounds_ReportingRoundOpened_ItemOnTheRoundsTopicTheListFollows()
    {
        var coordinator = factory.CreateClientAs(People.Coordinator);
        var (topic, after) = Region(await coordinator.GetStringAsync("/arbeidsstrommer/runder", Ct), "rounds");

        var response = await coordinator.PostAsJsonAsync("/api/workstreams/rounds", new { Title = "Status per 1. mars", Deadline = DateTimeOffset.UtcNow.AddDays(30) }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("rounds", topic);
        Assert.Single(await ItemsAsync(coordinator, topic, after));
    }

    private async Task<Guid> MinistryAsync(string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMinistryDirectory>().GetMinistriesAsync(Ct)).Single(m => m.Code == code).Id;
    }

    private static async Task<List<LiveItem>> ItemsAsync(HttpClient client, string topic, long after) =>
        await Problem.ReadOkAsync<List<LiveItem>>(await client.GetAsync($"/api/live?topic={Uri.EscapeDataString(topic)}&after={after}", Ct), HttpStatusCode.OK, Ct);

    // The live region a page rendered: its topic and the sequence it read before its data.
    private static (string Topic, long After) Region(string html, string id)
    {
        var match = RegionPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == id);
        Assert.True(match is not null, $"No live region #{id} on the page.");
        return (System.Net.WebUtility.HtmlDecode(match.Groups["topic"].Value), long.Parse(match.Groups["after"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"<div id=""(?<id>[a-z]+)"" data-live-fragment data-live-topic=""(?<topic>[^""]*)"" data-live-after=""(?<after>\d+)""")]
    private static partial Regex RegionPattern();
}
