using System.Net;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Tests.Workstreams.Initiatives;

// Issue 3's bad input, through the API: each gets a field-level error in the person's language (Bokmål unless
// English is chosen by query or cookie), and nothing is saved.
public sealed class InitiativeValidationApiTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    private const string English = "?culture=en-GB";

    private readonly WorkstreamsApi api = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Case, field, Bokmål message, English message.
    private static readonly (string Bad, string Field, string Nb, string En)[] Cases =
    [
        ("ProgressOver100", "Progress", "Fremdrift må være mellom 0 og 100 prosent.", "Progress must be between 0 and 100 per cent."),
        ("ProgressNegative", "Progress", "Fremdrift må være mellom 0 og 100 prosent.", "Progress must be between 0 and 100 per cent."),
        ("EndBeforeStart", "EndDate", "Sluttdato kan ikke være før startdato.", "The end date cannot be before the start date."),
        ("UnknownWorkstream", "WorkstreamIds", "En eller flere arbeidsstrømmer finnes ikke.", "One or more workstreams do not exist."),
        ("UnknownOwningMinistry", "OwningMinistryId", "Velg et departement som finnes.", "Choose an existing ministry."),
        ("UnknownCollaboratingMinistry", "CollaboratingMinistryIds", "Et eller flere samarbeidende departementer finnes ikke.", "One or more collaborating ministries do not exist."),
        ("RedWithoutReason", "StatusReason", "Rød status må begrunnes.", "A red status needs a reason."),
        ("TitleTooLong", "Title", "Tittel kan ha høyst 200 tegn.", "Title can have at most 200 characters."),
        ("TitleMissing", "Title", "Tittel må fylles ut.", "Title is required."),
    ];

    // Each case in Bokmål (the default) and in English (chosen in the query).
    public static TheoryData<string, string, string, string> BadInput()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (bad, field, nb, en) in Cases)
        {
            data.Add(bad, field, "", nb);
            data.Add(bad, field, English, en);
        }

        return data;
    }

    public static TheoryData<string, string, string> BadInputBokmal()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (bad, field, nb, _) in Cases)
        {
            data.Add(bad, field, nb);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Create_BadInput_FieldErrorInLanguageAndNothingSaved(string bad, string field, string culture, string message)
    {
        var request = await BadRequestAsync(bad);
        var before = await api.ListAsync();

        var response = await WorkstreamsApi.PostAsync(api.As(People.Coordinator), "/api/workstreams/initiatives" + culture, request);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, Ct);
        Assert.Equal(culture == English ? "Some fields need correcting." : "Noen felt må rettes.", problem.GetProperty("title").GetString());
        Assert.Equal([message], ErrorsOf(problem)[field]);
        Assert.Equal(before.Total, (await api.ListAsync()).Total);
    }

    [Theory]
    [MemberData(nameof(BadInputBokmal))]
    public async Task Update_BadInput_FieldErrorAndInitiativeUnchanged(string bad, string field, string message)
    {
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("FIN")).Id), People.ContactPersonFin);
        var request = await BadRequestAsync(bad) with { Version = initiative.Version };
        var historyBefore = await HistoryCountAsync(initiative.Id);

        var response = await WorkstreamsApi.PutAsync(api.As(People.Coordinator), $"/api/workstreams/initiatives/{initiative.Id}", request);

        Assert.Equal([message], (await Problem.ReadErrorsAsync(response, Ct))[field]);
        var after = await api.GetInitiativeAsync(initiative.Id);
        Assert.Equal(initiative.Version, after.Version);
        Assert.Equal(initiative.Title, after.Title);
        Assert.Equal(initiative.Progress, after.Progress);
        Assert.Equal(historyBefore, await HistoryCountAsync(initiative.Id));
    }

    [Fact]
    public async Task Create_EnglishCookie_FieldErrorsInEnglish()
    {
        var client = api.As(People.Coordinator);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        var response = await WorkstreamsApi.PostAsync(client, "/api/workstreams/initiatives", await BadRequestAsync("RedWithoutReason"));

        Assert.Equal(["A red status needs a reason."], (await Problem.ReadErrorsAsync(response, Ct))["StatusReason"]);
    }

    [Fact]
    public async Task Create_SeveralBadFields_EveryFieldListed()
    {
        var request = Builders.Initiative((await api.MinistryAsync("FIN")).Id) with
        {
            Title = new string('x', 201),
            Progress = 101,
            Status = Rag.Red,
            StartDate = new DateOnly(2026, 6, 1),
            EndDate = new DateOnly(2026, 5, 31),
            WorkstreamIds = [Guid.NewGuid()],
            CollaboratingMinistryIds = [Guid.NewGuid()],
        };

        var errors = await Problem.ReadErrorsAsync(await WorkstreamsApi.PostAsync(api.As(People.ContactPersonFin), "/api/workstreams/initiatives", request), Ct);

        Assert.Equal(
            ["CollaboratingMinistryIds", "EndDate", "Progress", "StatusReason", "Title", "WorkstreamIds"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_ContactPersonForUnknownMinistry_Forbidden()
    {
        // Only coordinators may name any ministry; to a contact person an unknown one is simply not theirs.
        var before = await api.ListAsync();

        var response = await WorkstreamsApi.PostAsync(api.As(People.ContactPersonFin), "/api/workstreams/initiatives", Builders.Initiative(Guid.NewGuid()));

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
        Assert.Equal(before.Total, (await api.ListAsync()).Total);
    }

    [Fact]
    public async Task Create_ObserverWithoutMinistry_ForbiddenNotFieldErrors()
    {
        // An observer may not register at all, so the answer is 403 whatever the body lacks.
        var before = await api.ListAsync();

        var response = await WorkstreamsApi.PostAsync(api.As(People.Observer), "/api/workstreams/initiatives", Builders.Initiative(Guid.Empty) with { OwningMinistryId = null });

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, Ct);
        Assert.Equal(before.Total, (await api.ListAsync()).Total);
    }

    [Theory]
    [InlineData(-1, "Green", null, "Progress", "Fremdrift må være mellom 0 og 100 prosent.")]
    [InlineData(101, "Green", null, "Progress", "Fremdrift må være mellom 0 og 100 prosent.")]
    [InlineData(50, "Red", " ", "StatusReason", "Rød status må begrunnes.")]
    public async Task AddProgress_BadInput_FieldErrorAndNoEntry(int progress, string status, string? reason, string field, string message)
    {
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("FIN")).Id));

        var response = await WorkstreamsApi.PostAsync(
            api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{initiative.Id}/progress", new ProgressRequest(Phase.InProgress, progress, Enum.Parse<Rag>(status), reason, null, initiative.Version));

        Assert.Equal([message], (await Problem.ReadErrorsAsync(response, Ct))[field]);
        Assert.Equal(1, await HistoryCountAsync(initiative.Id));
        Assert.Equal(initiative.Version, (await api.GetInitiativeAsync(initiative.Id)).Version);
    }

    [Fact]
    public async Task AddProgress_RedWithoutReasonInEnglish_ErrorInEnglish()
    {
        var initiative = await api.CreateInitiativeAsync(Builders.Initiative((await api.MinistryAsync("FIN")).Id));

        var response = await WorkstreamsApi.PostAsync(
            api.As(People.ContactPersonFin), $"/api/workstreams/initiatives/{initiative.Id}/progress{English}", new ProgressRequest(Phase.InProgress, 20, Rag.Red, null, null, initiative.Version));

        Assert.Equal(["A red status needs a reason."], (await Problem.ReadErrorsAsync(response, Ct))["StatusReason"]);
    }

    [Fact]
    public async Task Create_AtTheLimits_Created()
    {
        // The boundaries themselves are allowed: 0 and 100 per cent, a title of 200 characters, start = end.
        var fin = await api.MinistryAsync("FIN");
        var day = new DateOnly(2026, 4, 1);

        var low = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Progress = 0, StartDate = day, EndDate = day });
        var high = await api.CreateInitiativeAsync(Builders.Initiative(fin.Id) with { Progress = 100, Title = new string('t', 200) });

        Assert.Equal(0, low.Progress);
        Assert.Equal(100, high.Progress);
        Assert.Equal(200, high.Title.Length);
    }

    private async Task<InitiativeRequest> BadRequestAsync(string bad)
    {
        var fin = await api.MinistryAsync("FIN");
        var valid = Builders.Initiative(fin.Id);
        return bad switch
        {
            "ProgressOver100" => valid with { Progress = 101 },
            "ProgressNegative" => valid with { Progress = -1 },
            "EndBeforeStart" => valid with { StartDate = new DateOnly(2026, 6, 1), EndDate = new DateOnly(2026, 5, 31) },
            "UnknownWorkstream" => valid with { WorkstreamIds = [Guid.NewGuid()] },
            "UnknownOwningMinistry" => valid with { OwningMinistryId = Guid.NewGuid() },
            "UnknownCollaboratingMinistry" => valid with { CollaboratingMinistryIds = [(await api.MinistryAsync("HOD")).Id, Guid.NewGuid()] },
            "RedWithoutReason" => valid with { Status = Rag.Red, StatusReason = "  " },
            "TitleTooLong" => valid with { Title = new string('x', 201) },
            "TitleMissing" => valid with { Title = " " },
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };
    }

    private static Dictionary<string, string[]> ErrorsOf(System.Text.Json.JsonElement problem) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>(problem.GetProperty("errors"))!;

    private async Task<int> HistoryCountAsync(Guid id) =>
        (await WorkstreamsApi.ReadAsync<List<ProgressItem>>(await api.As(People.Observer).GetAsync($"/api/workstreams/initiatives/{id}/progress", Ct), HttpStatusCode.OK)).Count;
}
