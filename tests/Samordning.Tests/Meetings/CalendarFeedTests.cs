using System.Net;
using System.Text.RegularExpressions;
using Samordning.Meetings.Meetings;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

// The personal calendar address: made on /moter/kalender, fetched without a session, replaced by a new one.
public sealed partial class CalendarFeedTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Feed_TokenWithoutSession_TheirMeetingsAndNotOthers()
    {
        var theirs = await CreateAsync(factory);
        var others = await CreateAsync(factory, r => r with { Participants = [new ParticipantRequest(Samordning.Meetings.Data.ParticipantKind.Organisation, null, null, "Forskning AS", null)] });
        var path = await NewAddressAsync(ParticipantHod);

        var response = await factory.CreateClientAs(null).GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var feed = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", feed, StringComparison.Ordinal);
        Assert.Contains($"UID:{theirs.Id}@samordning", feed, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:{others.Id}@samordning", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_NewAddressMade_OldTokenNotFoundNewWorks()
    {
        var old = await NewAddressAsync(ParticipantFin);

        var renewed = await NewAddressAsync(ParticipantFin);

        Assert.NotEqual(old, renewed);
        var anonymous = factory.CreateClientAs(null);
        await Problem.ReadAsync(await anonymous.GetAsync(old, Ct), HttpStatusCode.NotFound, Ct);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(renewed, Ct)).StatusCode);
    }

    [Fact]
    public async Task Feed_UnknownToken_NotFound()
    {
        var response = await factory.CreateClientAs(null).GetAsync($"/api/meetings/feed/{new string('A', 43)}.ics", Ct);

        await Problem.ReadAsync(response, HttpStatusCode.NotFound, Ct);
    }

    [Fact]
    public async Task Feed_OtherPersonsToken_OnlyTheOwnersMeetings()
    {
        var hodOnly = await CreateAsync(factory, r => r with { Participants = [r.Participants![1]] });
        var finPath = await NewAddressAsync(ParticipantFin);

        var feed = await factory.CreateClientAs(null).GetStringAsync(finPath, Ct);

        Assert.DoesNotContain($"UID:{hodOnly.Id}@samordning", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarPage_NoAddressYet_OffersToCreateOne()
    {
        var page = await factory.CreateClientAs(Outsider).GetStringAsync("/moter/kalender", Ct);

        Assert.Contains("Du har ingen kalenderadresse ennå.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"calendar-address\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_OverThePublicLimit_TooManyRequests()
    {
        await using var limited = SamordningFactory.Create(new() { Settings = new Dictionary<string, string?> { ["RateLimiting:PublicPermitsPerMinute"] = "2" } });
        var path = await NewAddressAsync(limited, ParticipantFin);
        var anonymous = limited.CreateClientAs(null);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await anonymous.GetAsync(path, Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    private Task<string> NewAddressAsync(string email) => NewAddressAsync(factory, email);

    // Makes a new address on the page, as the person would, and returns its path.
    private static async Task<string> NewAddressAsync(SamordningFactory factory, string email)
    {
        var client = factory.CreateClientAs(email);
        var form = await client.GetStringAsync("/moter/kalender", Ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;

        var posted = await client.PostAsync("/moter/kalender", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await client.GetStringAsync("/moter/kalender?ny=true", Ct);
        var address = Address().Match(page).Groups[1].Value;
        Assert.NotEmpty(address);
        return new Uri(address).AbsolutePath;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("id=\"calendar-address\" value=\"([^\"]+)\"")]
    private static partial Regex Address();
}
