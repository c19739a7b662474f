using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Samordning.Meetings.Calendar;
using Samordning.Meetings.Data;
using Samordning.Meetings.Materials;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

public sealed class MaterialsAndCalendarTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_RealPdf_CreatedAndDownloadable()
    {
        var meeting = await CreateAsync(factory);
        var pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

        var response = await UploadAsync(meeting.Id, "slides.pdf", pdf);

        var material = await Problem.ReadOkAsync<MaterialView>(response, HttpStatusCode.Created, Ct);
        var download = await factory.CreateClientAs(ParticipantFin).GetAsync(material.Href(meeting.Id), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClientAs(null).GetAsync(material.Href(meeting.Id), Ct)).StatusCode);
    }

    [Fact]
    public async Task Upload_HtmlNamedPdf_FieldErrorAndNothingStored()
    {
        var meeting = await CreateAsync(factory);

        var errors = await Problem.ReadErrorsAsync(await UploadAsync(meeting.Id, "slides.pdf", "<html><script>alert(1)</script></html>"u8.ToArray()), Ct);

        Assert.Contains("PDF", errors["File"][0], StringComparison.Ordinal);
        var page = await factory.CreateClientAs(Facilitator).GetStringAsync($"/moter/{meeting.Id}/materiell", Ct);
        Assert.DoesNotContain("slides.pdf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverTheLimit_ReadablePayloadTooLarge()
    {
        var meeting = await CreateAsync(factory);
        var big = new byte[PresentationFiles.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);

        var problem = await Problem.ReadAsync(await UploadAsync(meeting.Id, "stor.pdf", big), HttpStatusCode.RequestEntityTooLarge, Ct);

        Assert.Contains("8 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Participant_Forbidden()
    {
        var meeting = await CreateAsync(factory);

        await Problem.ReadAsync(await UploadAsync(meeting.Id, "slides.pdf", "%PDF-1.4"u8.ToArray(), ParticipantFin), HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public void Detect_PresentationsByContentNotName()
    {
        Assert.Equal("application/vnd.openxmlformats-officedocument.presentationml.presentation", PresentationFiles.Detect(Zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p/>")), "a.pptx"));
        Assert.Equal("application/vnd.oasis.opendocument.presentation", PresentationFiles.Detect(Zip(("mimetype", "application/vnd.oasis.opendocument.presentation")), "a.odp"));
        Assert.Null(PresentationFiles.Detect(Zip(("word/document.xml", "<w/>")), "a.pptx"));
        Assert.Null(PresentationFiles.Detect("%PDF-1.7"u8.ToArray(), "a.pptx"));
        Assert.Null(PresentationFiles.Detect("PK\u0003\u0004 not a zip"u8.ToArray(), "a.odp"));
        Assert.Null(PresentationFiles.Detect("%PDF-1.7"u8.ToArray(), "a.exe"));
    }

    [Fact]
    public void Write_LongNorwegianTextWithSpecials_EscapedFoldedAt75OctetsUtc()
    {
        var meeting = new Meeting
        {
            Title = "Møte; om innovasjon, kultur og ledelse \\ med særlig vekt på å prøve ut nye løsninger sammen med kommunene",
            Description = "Linje én\nLinje to",
            OrganisingMinistryCode = "KMD",
            StartsAt = new DateTimeOffset(2030, 6, 14, 10, 0, 0, TimeSpan.FromHours(2)),
            EndsAt = new DateTimeOffset(2030, 6, 14, 12, 0, 0, TimeSpan.FromHours(2)),
            Place = "Akersgata 59, Oslo",
        };

        var text = ICalendar.Write([meeting], "https://samordning.example", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Replace("\r\n", "", StringComparison.Ordinal), c => c == '\n' || c == '\r');
        var lines = text.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("DTSTART:20300614T080000Z", lines);
        Assert.Contains("DTEND:20300614T100000Z", lines);
        Assert.Contains("LOCATION:Akersgata 59\\, Oslo", lines);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Møte\\; om innovasjon\\, kultur og ledelse \\\\ med særlig vekt på å prøve ut nye løsninger sammen med kommunene\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Linje én\\nLinje to\\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_Participant_TextCalendarWithTheMeeting()
    {
        var meeting = await CreateAsync(factory);

        var response = await factory.CreateClientAs(ParticipantHod).GetAsync($"/api/meetings/{meeting.Id}/invitation.ics", Ct);
        var feed = await factory.CreateClientAs(ParticipantHod).GetStringAsync("/api/meetings/calendar.ics", Ct);

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"UID:{meeting.Id}@samordning", text, StringComparison.Ordinal);
        Assert.Contains($"UID:{meeting.Id}@samordning", feed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClientAs(Outsider).GetAsync($"/api/meetings/{meeting.Id}/invitation.ics", Ct)).StatusCode);
    }

    [Fact]
    public async Task MinutesDocx_ClosedMeeting_OpensWithGroupsDecisionsAndNoWithdrawnText()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        await WriteAsync(facilitator, meeting.Id, "Vi prøver ut <b>nytt</b>", EntryKind.Decision);
        var withdrawn = await WriteAsync(facilitator, meeting.Id, "Feilskrevet");
        await facilitator.PostAsync($"/api/meetings/{meeting.Id}/entries/{withdrawn.Id}/withdraw", JsonContent(new { version = 0 }), Ct);

        var response = await facilitator.GetAsync($"/api/meetings/{meeting.Id}/minutes.docx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Referat: Verksted om forsøk", text, StringComparison.Ordinal);
        Assert.Contains("1. Erfaringer", text, StringComparison.Ordinal);
        Assert.Contains("Beslutninger", text, StringComparison.Ordinal);
        Assert.Contains("Vi prøver ut <b>nytt</b>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Feilskrevet", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClientAs(null).GetAsync($"/api/meetings/{meeting.Id}/minutes.docx", Ct)).StatusCode);
    }

    [Fact]
    public async Task PublicPage_PublishedMeeting_AnonymousSeesIt_UnpublishedNotFound()
    {
        var published = await CreateAsync(factory, r => r with { Published = true, Title = "Åpent dialogmøte" });
        var hidden = await CreateAsync(factory);
        var anonymous = factory.CreateClientAs(null);

        var page = await anonymous.GetAsync($"/moter/offentlig/{published.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Åpent dialogmøte", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Referatet er ikke publisert", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/moter/offentlig/{hidden.Id}", Ct)).StatusCode);
    }

    private static StringContent JsonContent(object value) => new(System.Text.Json.JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> UploadAsync(Guid meetingId, string fileName, byte[] bytes, string email = Facilitator)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(new StringContent("Lysark"), "title");
        form.Add(file, "file", fileName);
        return await factory.CreateClientAs(email).PostAsync($"/api/meetings/{meetingId}/materials", form, Ct);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }
}
