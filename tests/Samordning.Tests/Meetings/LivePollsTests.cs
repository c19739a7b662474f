using System.Net;
using System.Net.Http.Json;
using Samordning.Meetings.Polls;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

public sealed class LivePollsTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Poll_OpenVoteClose_ResultsOnTopicWithIncreasingSequenceAndInMinutes()
    {
        var meeting = await CreateLiveAsync(factory);
        var poll = await CreateOpenAsync(meeting.Id, new PollRequest("Hvilken dag passer?", ["Mandag", "Tirsdag", "Onsdag"]));
        var seen = (await CatchUpAsync(factory, ParticipantHod, meeting.Id, 0)).Max(i => i.Sequence);

        await VoteAsync(ParticipantFin, meeting.Id, poll.Id, poll.Options[1].Id);
        await VoteAsync(ParticipantHod, meeting.Id, poll.Id, poll.Options[1].Id);
        await Problem.ReadOkAsync<PollView>(await factory.CreateClientAs(Facilitator).PostAsync($"/api/meetings/{meeting.Id}/polls/{poll.Id}/close", null, Ct), HttpStatusCode.OK, Ct);

        var items = (await CatchUpAsync(factory, ParticipantHod, meeting.Id, seen)).Where(i => i.Type == "meetings.poll").ToList();
        Assert.Equal([1, 2, 2], items.Select(i => Payload(i).GetProperty("options")[1].GetProperty("votes").GetInt32()));
        Assert.Equal("Closed", Payload(items[^1]).GetProperty("status").GetString());
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        var minutes = await factory.CreateClientAs(ParticipantFin).GetStringAsync($"/moter/{meeting.Id}/referat", Ct);
        Assert.Contains("Hvilken dag passer?", minutes, StringComparison.Ordinal);
        Assert.Contains("Tirsdag: 2", minutes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_TwiceAndConcurrently_CountedOnceSecondGetsConflict()
    {
        var meeting = await CreateLiveAsync(factory);
        var poll = await CreateOpenAsync(meeting.Id, new PollRequest("Ja eller nei?", ["Ja", "Nei"]));
        var fin = factory.CreateClientAs(ParticipantFin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(n =>
            fin.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls/{poll.Id}/vote", new VoteRequest([poll.Options[n % 2].Id]), Ct)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var polls = await fin.GetFromJsonAsync<List<PollView>>($"/api/meetings/{meeting.Id}/polls", Ct);
        Assert.Equal(1, polls!.Single().Voters);
        Assert.Equal(1, polls![0].Options.Sum(o => o.Votes));
        var problem = await Problem.ReadAsync(await fin.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls/{poll.Id}/vote", new VoteRequest([poll.Options[0].Id]), Ct), HttpStatusCode.Conflict, Ct);
        Assert.Contains("allerede stemt", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_SingleVersusMultipleChoice_FieldErrors()
    {
        var meeting = await CreateLiveAsync(factory);
        var single = await CreateOpenAsync(meeting.Id, new PollRequest("Ett valg", ["A", "B", "C"]));
        var multiple = await CreateOpenAsync(meeting.Id, new PollRequest("Flere valg", ["A", "B", "C"], MultipleChoice: true));
        var fin = factory.CreateClientAs(ParticipantFin);

        var two = await Problem.ReadErrorsAsync(await fin.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls/{single.Id}/vote", new VoteRequest([single.Options[0].Id, single.Options[1].Id]), Ct), Ct);
        var none = await Problem.ReadErrorsAsync(await fin.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls/{single.Id}/vote", new VoteRequest([]), Ct), Ct);
        var foreign = await Problem.ReadErrorsAsync(await fin.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls/{single.Id}/vote", new VoteRequest([multiple.Options[0].Id]), Ct), Ct);
        var set = await VoteAsync(ParticipantFin, meeting.Id, multiple.Id, multiple.Options[0].Id, multiple.Options[2].Id);

        Assert.Equal("Velg bare ett svaralternativ i denne avstemningen.", two["OptionIds"][0]);
        Assert.Equal("Velg et svaralternativ.", none["OptionIds"][0]);
        Assert.Equal("Svaralternativet finnes ikke i denne avstemningen.", foreign["OptionIds"][0]);
        Assert.Equal([1, 0, 1], set.Options.Select(o => o.Votes));
        Assert.Equal(1, set.Voters);
    }

    [Fact]
    public async Task CreatePoll_TooFewTooManyAndBlankQuestion_FieldErrors()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);

        var few = await Problem.ReadErrorsAsync(await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls", new PollRequest("", ["Bare én", " "]), Ct), Ct);
        var many = await Problem.ReadErrorsAsync(await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls", new PollRequest("Mange?", [.. Enumerable.Range(1, 11).Select(n => $"Valg {n}")]), Ct), Ct);

        Assert.Equal(["Options", "Question"], few.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("En avstemning må ha fra 2 til 10 svaralternativer.", many["Options"][0]);
    }

    [Fact]
    public async Task Polls_OnlyFacilitatorManagesOutsiderNotFoundObserverOnlyReads()
    {
        var meeting = await CreateLiveAsync(factory);
        var draft = await Problem.ReadOkAsync<PollView>(
            await factory.CreateClientAs(Facilitator).PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls", new PollRequest("Utkast", ["A", "B"]), Ct), HttpStatusCode.Created, Ct);
        var fin = factory.CreateClientAs(ParticipantFin);

        await Problem.ReadAsync(await fin.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls", new PollRequest("Mitt", ["A", "B"]), Ct), HttpStatusCode.Forbidden, Ct);
        await Problem.ReadAsync(await fin.PostAsync($"/api/meetings/{meeting.Id}/polls/{draft.Id}/open", null, Ct), HttpStatusCode.Forbidden, Ct);
        Assert.Empty((await fin.GetFromJsonAsync<List<PollView>>($"/api/meetings/{meeting.Id}/polls", Ct))!);
        Assert.Equal(HttpStatusCode.NotFound, (await fin.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls/{draft.Id}/vote", new VoteRequest([draft.Options[0].Id]), Ct)).StatusCode);
        await factory.CreateClientAs(Facilitator).PostAsync($"/api/meetings/{meeting.Id}/polls/{draft.Id}/open", null, Ct);
        await Problem.ReadAsync(await fin.PostAsync($"/api/meetings/{meeting.Id}/polls/{draft.Id}/close", null, Ct), HttpStatusCode.Forbidden, Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClientAs(Outsider).GetAsync($"/api/meetings/{meeting.Id}/polls", Ct)).StatusCode);
        var observer = factory.CreateClientAs(People.Observer);
        Assert.Single((await observer.GetFromJsonAsync<List<PollView>>($"/api/meetings/{meeting.Id}/polls", Ct))!);
        await Problem.ReadAsync(await observer.PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls/{draft.Id}/vote", new VoteRequest([draft.Options[0].Id]), Ct), HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Vote_ClosedPoll_ForbiddenAndNotCounted()
    {
        var meeting = await CreateLiveAsync(factory);
        var poll = await CreateOpenAsync(meeting.Id, new PollRequest("Sent ute?", ["Ja", "Nei"]));
        await factory.CreateClientAs(Facilitator).PostAsync($"/api/meetings/{meeting.Id}/polls/{poll.Id}/close", null, Ct);

        var problem = await Problem.ReadAsync(await factory.CreateClientAs(ParticipantFin).PostAsJsonAsync($"/api/meetings/{meeting.Id}/polls/{poll.Id}/vote", new VoteRequest([poll.Options[0].Id]), Ct), HttpStatusCode.Forbidden, Ct);

        Assert.Contains("ikke åpen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await factory.CreateClientAs(ParticipantFin).GetFromJsonAsync<List<PollView>>($"/api/meetings/{meeting.Id}/polls", Ct))!.Single().Voters);
    }

    private async Task<PollView> CreateOpenAsync(Guid meetingId, PollRequest request)
    {
        var facilitator = factory.CreateClientAs(Facilitator);
        var draft = await Problem.ReadOkAsync<PollView>(await facilitator.PostAsJsonAsync($"/api/meetings/{meetingId}/polls", request, Ct), HttpStatusCode.Created, Ct);
        return await Problem.ReadOkAsync<PollView>(await facilitator.PostAsync($"/api/meetings/{meetingId}/polls/{draft.Id}/open", null, Ct), HttpStatusCode.OK, Ct);
    }

    private async Task<PollView> VoteAsync(string email, Guid meetingId, Guid pollId, params Guid[] optionIds) =>
        await Problem.ReadOkAsync<PollView>(
            await factory.CreateClientAs(email).PostAsJsonAsync($"/api/meetings/{meetingId}/polls/{pollId}/vote", new VoteRequest(optionIds), Ct), HttpStatusCode.OK, Ct);
}
