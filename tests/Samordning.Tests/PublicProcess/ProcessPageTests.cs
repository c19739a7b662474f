using System.Net;
using System.Xml.Linq;
using Samordning.Meetings.Data;
using Samordning.Tests.Feedback;
using Samordning.Tests.Meetings;

namespace Samordning.Tests.PublicProcess;

// The public process page and its feeds (issue 18, point 1): anonymous, and only what each module has published.
public sealed class ProcessPageTests(FeedbackFixture fixture) : IClassFixture<FeedbackFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PageAndFeeds_Anonymous_OnlyPublishedThings()
    {
        var factory = fixture.Factory;
        var shown = await ProcessApi.CreateAsync(factory, ProcessApi.Milestone($"Synlig milepæl {Guid.NewGuid():N}"));
        var hidden = await ProcessApi.CreateAsync(factory, ProcessApi.Milestone($"Skjult milepæl {Guid.NewGuid():N}", published: false));
        var publicMeeting = await MeetingTestData.CreateAsync(factory, r => r with { Published = true, Title = $"Åpent møte {Guid.NewGuid():N}" });
        var internalMeeting = await MeetingTestData.CreateAsync(factory, r => r with { Title = $"Internt møte {Guid.NewGuid():N}" });
        var cancelled = await MeetingTestData.CreateAsync(factory, r => r with { Published = true, Title = $"Avlyst møte {Guid.NewGuid():N}" });
        await MeetingTestData.SetStatusAsync(factory, cancelled, MeetingStatus.Cancelled);
        var publicRound = await fixture.OpenRoundAsync();
        var invitationRound = await fixture.OpenRoundAsync(isPublic: false);
        var anonymous = factory.CreateClientAs(null);

        var page = await anonymous.GetAsync("/prosess", Ct);
        var atom = await anonymous.GetStringAsync("/prosess/feed.atom", Ct);
        var calendar = await anonymous.GetStringAsync("/prosess/kalender.ics", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        foreach (var body in new[] { html, atom, calendar })
        {
            Assert.Contains(shown.TitleNb, body, StringComparison.Ordinal);
            Assert.Contains(publicMeeting.Title, body, StringComparison.Ordinal);
            Assert.Contains(publicRound.Title, body, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden.TitleNb, body, StringComparison.Ordinal);
            Assert.DoesNotContain(internalMeeting.Title, body, StringComparison.Ordinal);
            Assert.DoesNotContain(cancelled.Title, body, StringComparison.Ordinal);
            Assert.DoesNotContain(invitationRound.Title, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_InEnglishAndNynorsk_MilestoneInThatLanguage()
    {
        var milestone = await ProcessApi.CreateAsync(fixture.Factory, ProcessApi.Milestone() with { TitleEn = $"English {Guid.NewGuid():N}", TitleNn = $"Nynorsk {Guid.NewGuid():N}" });
        var anonymous = fixture.Factory.CreateClientAs(null);

        var english = await anonymous.GetStringAsync("/prosess?culture=en", Ct);
        var nynorsk = await anonymous.GetStringAsync("/prosess?culture=nn", Ct);
        var englishFeed = XDocument.Parse(await anonymous.GetStringAsync("/prosess/feed.atom?culture=en", Ct));

        Assert.Contains(milestone.TitleEn!, english, StringComparison.Ordinal);
        Assert.Contains(milestone.TitleNn!, nynorsk, StringComparison.Ordinal);
        Assert.DoesNotContain(milestone.TitleNb, nynorsk, StringComparison.Ordinal);
        Assert.Equal("en", englishFeed.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Contains(englishFeed.Root.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value == milestone.TitleEn);
    }

    [Fact]
    public async Task FrontPageAndMenu_Anonymous_LinkToProcess()
    {
        var html = await fixture.Factory.CreateClientAs(null).GetStringAsync("/", Ct);

        var menu = System.Text.RegularExpressions.Regex.Match(html, "<nav class=\"site-nav\"[^>]*>.*?</nav>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(menu.Success, "The anonymous front page has no main menu.");
        Assert.Contains("href=\"/prosess\"", menu.Value, StringComparison.Ordinal);
        Assert.Contains("href=\"/prosess\"", html[(menu.Index + menu.Length)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Atom_Parsed_ValidFeedWithUniqueStableIds()
    {
        await ProcessApi.CreateAsync(fixture.Factory, ProcessApi.Milestone("Tegn: <b>&amp;</b> \u0007 😀"));
        await MeetingTestData.CreateAsync(fixture.Factory, r => r with { Published = true });
        var anonymous = fixture.Factory.CreateClientAs(null);

        var response = await anonymous.GetAsync("/prosess/feed.atom", Ct);
        var again = await anonymous.GetStringAsync("/prosess/feed.atom", Ct);

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var feed = XDocument.Parse(text).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        AssertAtomCore(feed);
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && ((string)l.Attribute("href")!).EndsWith("/prosess/feed.atom", StringComparison.Ordinal));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.True(entries.Count >= 2);
        foreach (var entry in entries)
        {
            AssertAtomCore(entry);
            var link = Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            Assert.True(Uri.TryCreate((string)link.Attribute("href")!, UriKind.Absolute, out _), "An entry's link must be absolute.");
        }

        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.Contains(entries, e => e.Element(Atom + "title")!.Value == "Tegn: <b>&amp;</b>  😀");
        Assert.Equal(text, again);
    }

    [Fact]
    public async Task Feeds_PolledAgain_NotModifiedUntilSomethingChanges()
    {
        var anonymous = fixture.Factory.CreateClientAs(null);
        foreach (var path in new[] { "/prosess/feed.atom", "/prosess/kalender.ics" })
        {
            var first = await anonymous.GetAsync(path, Ct);
            var etag = first.Headers.ETag!;
            var modified = first.Content.Headers.LastModified!.Value;

            using var byTag = new HttpRequestMessage(HttpMethod.Get, path);
            byTag.Headers.IfNoneMatch.Add(etag);
            using var byDate = new HttpRequestMessage(HttpMethod.Get, path);
            byDate.Headers.IfModifiedSince = modified;
            var notModified = await anonymous.SendAsync(byTag, Ct);
            var notModifiedByDate = await anonymous.SendAsync(byDate, Ct);

            await ProcessApi.CreateAsync(fixture.Factory, ProcessApi.Milestone() with { Date = new DateOnly(2026, 4, 6) });
            using var afterChange = new HttpRequestMessage(HttpMethod.Get, path);
            afterChange.Headers.IfNoneMatch.Add(etag);
            var changed = await anonymous.SendAsync(afterChange, Ct);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(etag, changed.Headers.ETag);
        }
    }

    [Fact]
    public async Task Calendar_HostileText_EscapedFoldedAndWhole()
    {
        var title = $"Møte, plan; sti \\ mappe\nny linje 😀 \u0001 {Guid.NewGuid():N} " + new string('æ', 60);
        var milestone = await ProcessApi.CreateAsync(fixture.Factory, ProcessApi.Milestone(title) with { Date = new DateOnly(2026, 3, 29) });
        await MeetingTestData.CreateAsync(fixture.Factory, r => r with { Published = true, Description = "Agenda, mat; kaffe\r\nog 😀😀😀 " + new string('ø', 80) });

        var response = await fixture.Factory.CreateClientAs(null).GetAsync("/prosess/kalender.ics", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(text.Replace("\r\n", "", StringComparison.Ordinal), c => c is '\r' or '\n');
        var physical = text.Split("\r\n");
        Assert.Equal("", physical[^1]);
        Assert.All(physical, line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}"));
        Assert.All(physical, line => Assert.DoesNotContain(line, c => char.IsControl(c)));
        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        var escaped = title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u0001", "", StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:{escaped}", lines);
        Assert.Contains(lines, l => l.StartsWith("DESCRIPTION:Akersgata 59 · Agenda\\, mat\\; kaffe\\nog 😀😀😀", StringComparison.Ordinal));

        var events = Events(lines);
        Assert.All(events, e =>
        {
            Assert.Single(e, l => l.StartsWith("UID:", StringComparison.Ordinal));
            Assert.Single(e, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^DTSTAMP:\\d{8}T\\d{6}Z$"));
            Assert.Single(e, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^DTSTART(;VALUE=DATE:\\d{8}|:\\d{8}T\\d{6}Z)$"));
        });
        Assert.Equal(events.Count, events.Select(e => e.Single(l => l.StartsWith("UID:", StringComparison.Ordinal))).Distinct().Count());
        var day = Assert.Single(events, e => e.Contains($"UID:milestone:{milestone.Id}@samordning"));
        Assert.Contains("DTSTART;VALUE=DATE:20260329", day);
        Assert.Contains("DTEND;VALUE=DATE:20260330", day);
    }

    private static List<List<string>> Events(string[] lines)
    {
        var events = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                current = [];
            }
            else if (line == "END:VEVENT")
            {
                events.Add(current!);
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return events;
    }

    // RFC 4287: exactly one id (an absolute IRI), title and updated (an RFC 3339 date-time) in a feed and in each entry.
    private static void AssertAtomCore(XElement element)
    {
        var id = Assert.Single(element.Elements(Atom + "id")).Value;
        Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _), $"The id {id} is not an absolute IRI.");
        Assert.Single(element.Elements(Atom + "title"));
        var updated = Assert.Single(element.Elements(Atom + "updated")).Value;
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$", updated);
    }
}
