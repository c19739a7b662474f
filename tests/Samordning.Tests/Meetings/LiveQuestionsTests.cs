using System.Net;
using System.Net.Http.Json;
using Samordning.Meetings.Data;
using Samordning.Meetings.Questions;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

public sealed class LiveQuestionsTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Question_AskUpvoteAnswer_OrderedByVotesAndOnTopicInSequence()
    {
        var meeting = await CreateLiveAsync(factory);
        var fin = factory.CreateClientAs(ParticipantFin);
        var hod = factory.CreateClientAs(ParticipantHod);
        var first = await AskAsync(fin, meeting.Id, "Hvem eier dataene?");
        var second = await AskAsync(hod, meeting.Id, "Når kommer piloten?");

        await UpvoteAsync(fin, meeting.Id, second.Id);
        await UpvoteAsync(hod, meeting.Id, second.Id);
        var answered = await Problem.ReadOkAsync<QuestionView>(
            await factory.CreateClientAs(Facilitator).PostAsJsonAsync($"/api/meetings/{meeting.Id}/questions/{first.Id}/answer", new AnswerRequest("Departementet."), Ct), HttpStatusCode.OK, Ct);

        Assert.True(answered.Answered);
        var list = await hod.GetFromJsonAsync<List<QuestionView>>($"/api/meetings/{meeting.Id}/questions", Ct);
        Assert.Equal([(second.Id, 2, false), (first.Id, 0, true)], list!.Select(q => (q.Id, q.Votes, q.Answered)));
        Assert.Equal("Per Hansen", list![1].AskerName);
        var items = (await CatchUpAsync(factory, ParticipantHod, meeting.Id, 0)).Where(i => i.Type == "meetings.question").ToList();
        Assert.Equal([0, 0, 1, 2, 0], items.Select(i => Payload(i).GetProperty("votes").GetInt32()));
        Assert.True(Payload(items[^1]).GetProperty("answered").GetBoolean());
        Assert.Equal(items.Select(i => i.Sequence).Order(), items.Select(i => i.Sequence));
    }

    [Fact]
    public async Task Ask_Anonymous_NameHiddenFromOthersInApiTopicAndMinutes()
    {
        var meeting = await CreateLiveAsync(factory);
        var asked = await AskAsync(factory.CreateClientAs(ParticipantFin), meeting.Id, "Et ømt spørsmål", anonymous: true);

        Assert.Null(asked.AskerName);
        foreach (var email in new[] { ParticipantHod, Facilitator })
        {
            var client = factory.CreateClientAs(email);
            var list = await client.GetStringAsync($"/api/meetings/{meeting.Id}/questions", Ct);
            Assert.Contains("Et ømt spørsmål", list, StringComparison.Ordinal);
            Assert.DoesNotContain("Per Hansen", list, StringComparison.Ordinal);
        }

        var live = await CatchUpAsync(factory, ParticipantHod, meeting.Id, 0);
        Assert.DoesNotContain(live, i => i.Payload.Contains("Per Hansen", StringComparison.Ordinal));
        var page = await factory.CreateClientAs(ParticipantHod).GetStringAsync($"/moter/{meeting.Id}/referat", Ct);
        var minutes = System.Text.RegularExpressions.Regex.Match(page, "<ul class=\"ds-list minutes-questions\">.*?</ul>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("Et ømt spørsmål", minutes, StringComparison.Ordinal);
        Assert.Contains("Anonym", minutes, StringComparison.Ordinal);
        Assert.DoesNotContain("Per Hansen", minutes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upvote_TwiceAndConcurrently_CountedOncePerPerson()
    {
        var meeting = await CreateLiveAsync(factory);
        var question = await AskAsync(factory.CreateClientAs(ParticipantFin), meeting.Id, "Telles dette riktig?");
        var hod = factory.CreateClientAs(ParticipantHod);
        var fin = factory.CreateClientAs(ParticipantFin);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(n => UpvoteAsync(n % 2 == 0 ? hod : fin, meeting.Id, question.Id)));
        var again = await UpvoteAsync(hod, meeting.Id, question.Id);

        Assert.Equal(2, again.Votes);
        var list = await hod.GetFromJsonAsync<List<QuestionView>>($"/api/meetings/{meeting.Id}/questions", Ct);
        Assert.Equal(2, list!.Single().Votes);
        var counts = (await CatchUpAsync(factory, ParticipantHod, meeting.Id, 0)).Where(i => i.Type == "meetings.question")
            .Select(i => Payload(i).GetProperty("votes").GetInt32()).ToList();
        Assert.Equal([0, 1, 2], counts.Order());
    }

    [Fact]
    public async Task Ask_BlankAndTooLong_FieldErrorsInUsersLanguage()
    {
        var meeting = await CreateLiveAsync(factory);
        var fin = factory.CreateClientAs(ParticipantFin);

        var blank = await Problem.ReadErrorsAsync(await fin.PostAsJsonAsync($"/api/meetings/{meeting.Id}/questions", new QuestionRequest("  "), Ct), Ct);
        var tooLong = await Problem.ReadErrorsAsync(await fin.PostAsJsonAsync($"/api/meetings/{meeting.Id}/questions", new QuestionRequest(new string('a', QuestionRequest.MaxTextLength + 1)), Ct), Ct);

        Assert.Equal("Spørsmålet må fylles ut.", blank["Text"][0]);
        Assert.Contains($"høyst {QuestionRequest.MaxTextLength} tegn", tooLong["Text"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_OutsiderObserverAndNonFacilitator_RefusedAsForNotes()
    {
        var meeting = await CreateLiveAsync(factory);
        var question = await AskAsync(factory.CreateClientAs(ParticipantFin), meeting.Id, "Hvem bestemmer?");
        var outsider = factory.CreateClientAs(Outsider);
        var observer = factory.CreateClientAs(People.Observer);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/meetings/{meeting.Id}/questions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/meetings/{meeting.Id}/questions", new QuestionRequest("Hei"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"/api/meetings/{meeting.Id}/questions", Ct)).StatusCode);
        await Problem.ReadAsync(await observer.PostAsJsonAsync($"/api/meetings/{meeting.Id}/questions", new QuestionRequest("Hei"), Ct), HttpStatusCode.Forbidden, Ct);
        await Problem.ReadAsync(await observer.PostAsync($"/api/meetings/{meeting.Id}/questions/{question.Id}/upvote", null, Ct), HttpStatusCode.Forbidden, Ct);
        foreach (var action in new[] { "answer", "hide" })
        {
            var response = await factory.CreateClientAs(ParticipantHod).PostAsJsonAsync($"/api/meetings/{meeting.Id}/questions/{question.Id}/{action}", new AnswerRequest(null), Ct);
            var problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
            Assert.Contains("møtelederne", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hide_AbusiveQuestion_GoneForEveryoneAndFromTopicText()
    {
        var meeting = await CreateLiveAsync(factory);
        var question = await AskAsync(factory.CreateClientAs(ParticipantFin), meeting.Id, "Noe stygt");

        var hidden = await Problem.ReadOkAsync<QuestionView>(
            await factory.CreateClientAs(Facilitator).PostAsync($"/api/meetings/{meeting.Id}/questions/{question.Id}/hide", null, Ct), HttpStatusCode.OK, Ct);

        Assert.True(hidden.Hidden);
        Assert.Empty((await factory.CreateClientAs(ParticipantHod).GetFromJsonAsync<List<QuestionView>>($"/api/meetings/{meeting.Id}/questions", Ct))!);
        var last = (await CatchUpAsync(factory, ParticipantHod, meeting.Id, 0)).Last(i => i.Type == "meetings.question");
        Assert.True(Payload(last).GetProperty("hidden").GetBoolean());
        Assert.Equal("", Payload(last).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClientAs(ParticipantHod).PostAsync($"/api/meetings/{meeting.Id}/questions/{question.Id}/upvote", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Ask_ClosedMeeting_ForbiddenWithReason()
    {
        var meeting = await CreateLiveAsync(factory);
        await SetStatusAsync(factory, meeting, MeetingStatus.Closed);

        var problem = await Problem.ReadAsync(
            await factory.CreateClientAs(ParticipantFin).PostAsJsonAsync($"/api/meetings/{meeting.Id}/questions", new QuestionRequest("For sent"), Ct), HttpStatusCode.Forbidden, Ct);

        Assert.Contains("mens møtet pågår", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<QuestionView> AskAsync(HttpClient client, Guid meetingId, string text, bool anonymous = false) =>
        await Problem.ReadOkAsync<QuestionView>(
            await client.PostAsJsonAsync($"/api/meetings/{meetingId}/questions", new QuestionRequest(text, anonymous), Ct), HttpStatusCode.Created, Ct);

    private static async Task<QuestionView> UpvoteAsync(HttpClient client, Guid meetingId, Guid questionId) =>
        await Problem.ReadOkAsync<QuestionView>(
            await client.PostAsync($"/api/meetings/{meetingId}/questions/{questionId}/upvote", null, Ct), HttpStatusCode.OK, Ct);
}
