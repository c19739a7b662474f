using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Samordning.Meetings.Polls;
using Samordning.Meetings.Questions;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

// The meeting page's questions and polls without script: plain form posts with the form token.
public sealed partial class LiveAudiencePageTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MeetingPage_AskAnonymouslyAndUpvoteByForm_StoredAndShownWithoutName()
    {
        var meeting = await CreateLiveAsync(factory);
        var fin = factory.CreateClientAs(ParticipantFin);
        var token = Token(await fin.GetStringAsync($"/moter/{meeting.Id}", Ct));

        var asked = await fin.PostAsync($"/moter/{meeting.Id}?handler=Ask", Form(token, ("Question.Text", "Hvem betaler?"), ("Question.Anonymous", "true")), Ct);
        var question = (await fin.GetFromJsonAsync<List<QuestionView>>($"/api/meetings/{meeting.Id}/questions", Ct))!.Single();
        var hod = factory.CreateClientAs(ParticipantHod);
        var hodToken = Token(await hod.GetStringAsync($"/moter/{meeting.Id}", Ct));
        var upvoted = await hod.PostAsync($"/moter/{meeting.Id}?handler=Upvote", Form(hodToken, ("questionId", question.Id.ToString())), Ct);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, upvoted.StatusCode);
        var page = await hod.GetStringAsync($"/moter/{meeting.Id}", Ct);
        var item = QuestionItem(page, question.Id);
        Assert.Contains("Hvem betaler?", item, StringComparison.Ordinal);
        Assert.Contains("Anonym · 1 stemmer", item, StringComparison.Ordinal);
        Assert.DoesNotContain("Per Hansen", item, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingPage_AfterUpvote_UpvoteButtonPressedForTheVoterOnly()
    {
        var meeting = await CreateLiveAsync(factory);
        var fin = factory.CreateClientAs(ParticipantFin);
        var token = Token(await fin.GetStringAsync($"/moter/{meeting.Id}", Ct));
        await fin.PostAsync($"/moter/{meeting.Id}?handler=Ask", Form(token, ("Question.Text", "Når kommer meldingen?")), Ct);
        var question = (await fin.GetFromJsonAsync<List<QuestionView>>($"/api/meetings/{meeting.Id}/questions", Ct))!.Single();
        var hod = factory.CreateClientAs(ParticipantHod);
        var hodToken = Token(await hod.GetStringAsync($"/moter/{meeting.Id}", Ct));

        await hod.PostAsync($"/moter/{meeting.Id}?handler=Upvote", Form(hodToken, ("questionId", question.Id.ToString())), Ct);

        var voter = QuestionItem(await hod.GetStringAsync($"/moter/{meeting.Id}", Ct), question.Id);
        var asker = QuestionItem(await fin.GetStringAsync($"/moter/{meeting.Id}", Ct), question.Id);
        Assert.Contains("aria-pressed=\"true\">Stem opp", voter, StringComparison.Ordinal);
        Assert.Contains("· Du har stemt opp", voter, StringComparison.Ordinal);
        Assert.Contains("aria-pressed=\"false\">Stem opp", asker, StringComparison.Ordinal);
        Assert.DoesNotContain("Du har stemt opp", asker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingPage_QuestionsAndPolls_CarryWhatTheLiveRegionAnnounces()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        var token = Token(await facilitator.GetStringAsync($"/moter/{meeting.Id}", Ct));
        await facilitator.PostAsync($"/moter/{meeting.Id}?handler=Ask", Form(token, ("Question.Text", "Hvem skriver kapittel 3?")), Ct);
        await facilitator.PostAsync($"/moter/{meeting.Id}?handler=Poll", Form(token, ("Poll.Question", "Møtes vi igjen?"), ("Poll.Options", "Ja\nNei")), Ct);
        var poll = (await facilitator.GetFromJsonAsync<List<PollView>>($"/api/meetings/{meeting.Id}/polls", Ct))!.Single();
        await facilitator.PostAsync($"/moter/{meeting.Id}?handler=PollStatus", Form(token, ("pollId", poll.Id.ToString()), ("status", "Open")), Ct);
        var question = (await facilitator.GetFromJsonAsync<List<QuestionView>>($"/api/meetings/{meeting.Id}/questions", Ct))!.Single();

        var page = await facilitator.GetStringAsync($"/moter/{meeting.Id}", Ct);

        Assert.Contains("id=\"audience-status\" role=\"status\" aria-live=\"polite\"", page, StringComparison.Ordinal);
        Assert.Contains("data-live-status=\"audience-status\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-live-key=\"question:{question.Id}\" data-live-announce=\"Nytt spørsmål: Hvem skriver kapittel 3?\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-live-key=\"poll:{poll.Id}:Open:0\"", page, StringComparison.Ordinal);
        Assert.Contains("data-live-announce=\"Nytt resultat i avstemningen: Møtes vi igjen? Ja: 0, Nei: 0.\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingPage_BlankQuestion_FieldErrorBesideTheField()
    {
        var meeting = await CreateLiveAsync(factory);
        var fin = factory.CreateClientAs(ParticipantFin);
        var token = Token(await fin.GetStringAsync($"/moter/{meeting.Id}", Ct));

        var response = await fin.PostAsync($"/moter/{meeting.Id}?handler=Ask", Form(token, ("Question.Text", " ")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Spørsmålet må fylles ut.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingPage_PollMadeOpenedAndVotedByForm_ResultsShownSecondVoteRefused()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        var token = Token(await facilitator.GetStringAsync($"/moter/{meeting.Id}", Ct));
        await facilitator.PostAsync($"/moter/{meeting.Id}?handler=Poll", Form(token, ("Poll.Question", "Kaffe eller te?"), ("Poll.Options", "Kaffe\nTe\n")), Ct);
        var poll = (await facilitator.GetFromJsonAsync<List<PollView>>($"/api/meetings/{meeting.Id}/polls", Ct))!.Single();
        await facilitator.PostAsync($"/moter/{meeting.Id}?handler=PollStatus", Form(token, ("pollId", poll.Id.ToString()), ("status", "Open")), Ct);
        var fin = factory.CreateClientAs(ParticipantFin);
        var finPage = await fin.GetStringAsync($"/moter/{meeting.Id}", Ct);
        var finToken = Token(finPage);

        var voted = await fin.PostAsync($"/moter/{meeting.Id}?handler=Vote", Form(finToken, ("pollId", poll.Id.ToString()), ("optionIds", poll.Options[1].Id.ToString())), Ct);
        var again = await fin.PostAsync($"/moter/{meeting.Id}?handler=Vote", Form(finToken, ("pollId", poll.Id.ToString()), ("optionIds", poll.Options[0].Id.ToString())), Ct);

        Assert.Contains("<legend>Ditt svar: Kaffe eller te?</legend>", finPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Du har allerede stemt i denne avstemningen.", html, StringComparison.Ordinal);
        Assert.Contains("<li>Te: 1</li>", html, StringComparison.Ordinal);
    }

    private static string QuestionItem(string page, Guid questionId) =>
        Regex.Match(page, $"<li class=\"question\" id=\"sporsmal-{questionId}\".*?</li>", RegexOptions.Singleline).Value;

    private static string Token(string page) =>
        TokenPattern().Match(page).Groups[1].Value;

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Prepend(new("__RequestVerificationToken", token)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
