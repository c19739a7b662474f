using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Contracts;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

// Meetings link workstreams through the Workstreams contract: a picker on the form, titles on the meeting page,
// and unknown ids refused on the API and on the pages.
public sealed partial class WorkstreamLinksTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const string EnglishCookie = ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_UnknownWorkstream_FieldErrorInEnglishAndNothingSaved()
    {
        var request = await RequestAsync(factory) with { Title = "Møte med ukjent arbeidsstrøm", WorkstreamIds = [Guid.NewGuid()] };
        var client = factory.CreateClientAs(People.Coordinator);
        client.DefaultRequestHeaders.Add("Cookie", EnglishCookie);

        var errors = await Problem.ReadErrorsAsync(await client.PostAsJsonAsync("/api/meetings", request, Ct), Ct);

        Assert.Equal(["A workstream does not exist. Choose among the workstreams in the list."], errors["WorkstreamIds"]);
        var list = await factory.CreateClientAs(People.Coordinator).GetStringAsync("/moter", Ct);
        Assert.DoesNotContain("Møte med ukjent arbeidsstrøm", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_UnknownWorkstream_FieldErrorInBokmaal()
    {
        var meeting = await CreateAsync(factory);
        var request = await RequestAsync(factory) with { WorkstreamIds = [.. meeting.WorkstreamIds, Guid.NewGuid()], Version = meeting.Version };

        var errors = await Problem.ReadErrorsAsync(await factory.CreateClientAs(People.Coordinator).PutAsJsonAsync($"/api/meetings/{meeting.Id}", request, Ct), Ct);

        Assert.Equal(["En arbeidsstrøm finnes ikke. Velg blant arbeidsstrømmene i listen."], errors["WorkstreamIds"]);
    }

    [Fact]
    public async Task MeetingPage_LinkedWorkstream_ShowsItsTitle()
    {
        var workstreams = await WorkstreamsAsync();
        var meeting = await CreateAsync(factory, r => r with { WorkstreamIds = [workstreams[0].Id, workstreams[^1].Id] });

        var page = WebUtility.HtmlDecode(await factory.CreateClientAs(ParticipantFin).GetStringAsync($"/moter/{meeting.Id}", Ct));

        Assert.Contains($"<li><a class=\"ds-link\" href=\"/arbeidsstrommer/{workstreams[0].Id}\">{workstreams[0].TitleNb}</a></li>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a class=\"ds-link\" href=\"/arbeidsstrommer/{workstreams[^1].Id}\">{workstreams[^1].TitleNb}</a></li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_Picker_EveryWorkstreamACheckboxWithLabelAndLinkedOnesChecked()
    {
        var workstreams = await WorkstreamsAsync();
        var meeting = await CreateAsync(factory, r => r with { WorkstreamIds = [workstreams[0].Id] });

        var page = await factory.CreateClientAs(People.Coordinator).GetStringAsync($"/moter/{meeting.Id}/endre", Ct);

        Assert.Contains("<fieldset class=\"ds-fieldset checkbox-group\" id=\"Input_WorkstreamIds\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"hidden\" name=\"Input.WorkstreamIds\"", page, StringComparison.Ordinal);
        foreach (var w in workstreams)
        {
            var box = Regex.Match(page, $"<input [^>]*id=\"Input_WorkstreamIds_{w.Id:N}\"[^>]*>").Value;
            Assert.Contains($"value=\"{w.Id}\"", box, StringComparison.Ordinal);
            Assert.Equal(w.Id == workstreams[0].Id, box.Contains("checked", StringComparison.Ordinal));
            Assert.Contains($"<label class=\"ds-label\" for=\"Input_WorkstreamIds_{w.Id:N}\">", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NewMeetingPage_UnknownWorkstream_FieldErrorBesideThePickerInEnglish()
    {
        var request = await RequestAsync(factory);
        var client = factory.CreateClientAs(People.Coordinator);
        client.DefaultRequestHeaders.Add("Cookie", EnglishCookie);
        var form = await client.GetStringAsync("/moter/ny", Ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;

        var response = await client.PostAsync("/moter/ny", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.Kind", "Workshop"),
            new("Input.Title", "Verksted via skjema"),
            new("Input.Date", "2030-06-14"),
            new("Input.StartTime", "10:00"),
            new("Input.EndTime", "12:00"),
            new("Input.Place", "Akersgata 59"),
            new("Input.OrganisingMinistryId", request.OrganisingMinistryId!.Value.ToString()),
            new("Input.FacilitatorIds", request.FacilitatorIds![0].ToString()),
            new("Input.WorkstreamIds", Guid.NewGuid().ToString()),
            new("Input.Published", "false"),
        ]), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("<p class=\"ds-validation-message\" id=\"Input_WorkstreamIds-error\">A workstream does not exist. Choose among the workstreams in the list.</p>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_WorkstreamIds\"", page, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<WorkstreamInfo>> WorkstreamsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var workstreams = await scope.ServiceProvider.GetRequiredService<IWorkstreamDirectory>().GetWorkstreamsAsync(Ct);
        Assert.True(workstreams.Count >= 2, "The demo data has at least two workstreams.");
        return workstreams;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
