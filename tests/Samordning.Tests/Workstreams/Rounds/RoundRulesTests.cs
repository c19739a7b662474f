using Microsoft.EntityFrameworkCore;
using Moq;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Http;
using Samordning.Shared.Security;
using Samordning.Shared.Time;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Rounds;

namespace Samordning.Tests.Workstreams.Rounds;

// Opening a round against a fixed clock, and the round deadlines the reminder sweep reads, with the registry faked.
public sealed class RoundRulesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 2, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly MinistryInfo Fin = new(Guid.NewGuid(), "FIN", "Finansdepartementet", "Ministry of Finance");
    private static readonly MinistryInfo Hod = new(Guid.NewGuid(), "HOD", "Helse- og omsorgsdepartementet", "Ministry of Health and Care Services");
    private static readonly Guid FinContact = Guid.NewGuid();
    private static readonly Guid HodContact = Guid.NewGuid();
    private static readonly Guid HodSecondContact = Guid.NewGuid();

    private readonly Mock<IClock> clock = new();
    private readonly Mock<ICurrentUser> user = new();
    private readonly Mock<IMinistryDirectory> directory = new();
    private InMemoryWorkstreamsDb store = null!;

    public RoundRulesTests()
    {
        clock.Setup(c => c.UtcNow).Returns(Now);
        user.Setup(u => u.DisplayName).Returns("Kari Nordmann");
        directory.Setup(d => d.GetMinistriesAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Fin, Hod]);
        directory.Setup(d => d.GetPeopleAsync(Fin.Id, Roles.ContactPerson, It.IsAny<CancellationToken>())).ReturnsAsync([Contact(FinContact, Fin)]);
        directory.Setup(d => d.GetPeopleAsync(null, Roles.ContactPerson, It.IsAny<CancellationToken>())).ReturnsAsync([Contact(FinContact, Fin)]);
        directory.Setup(d => d.GetPeopleAsync(Hod.Id, Roles.ContactPerson, It.IsAny<CancellationToken>()))
            .ReturnsAsync([Contact(HodContact, Hod), Contact(HodSecondContact, Hod)]);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => store = await InMemoryWorkstreamsDb.CreateAsync(Ct);

    public ValueTask DisposeAsync() => store.DisposeAsync();

    [Theory]
    [InlineData(-60, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public async Task Open_DeadlineRelativeToNow_OnlyFutureAccepted(int seconds, bool accepted)
    {
        await using var db = store.Context();

        var outcome = await RoundEndpoints.OpenAsync(db, directory.Object, user.Object, clock.Object, Mock.Of<Samordning.Shared.Persistence.IOutbox>(), new OpenRoundRequest("Status per 1. mars", null, Now.AddSeconds(seconds)), Ct);

        Assert.Equal(accepted ? OutcomeKind.Ok : OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(accepted ? 1 : 0, await db.ReportingRounds.CountAsync(Ct));
        if (accepted)
        {
            var round = await db.ReportingRounds.SingleAsync(Ct);
            Assert.Equal(Now, round.OpenedAt);
            Assert.Equal("Kari Nordmann", round.OpenedBy);
            Assert.All(outcome.Value!.Ministries, m => Assert.Equal(RoundState.NotStarted, m.State));
        }
        else
        {
            Assert.Equal(["Deadline"], outcome.Errors!.ToDictionary().Keys);
        }
    }

    [Fact]
    public async Task Deadlines_OpenRoundWithOneSubmission_RecipientsAreTheOthersContactPersons()
    {
        var round = await AddRoundAsync(closed: false);
        await AddRoundAsync(closed: true);
        await using (var db = store.Context())
        {
            db.RoundSubmissions.Add(new RoundSubmission { RoundId = round.Id, MinistryId = Fin.Id, MinistryCode = "FIN", SubmittedAt = Now, PersonName = "Per Hansen" });
            await db.SaveChangesAsync(Ct);
        }

        var deadlines = await DeadlinesAsync();

        var deadline = Assert.Single(deadlines);
        Assert.Equal($"workstreams.round:{round.Id}", deadline.Key);
        Assert.Equal(RoundDeadlines.Kind, deadline.Kind);
        Assert.Equal(round.Deadline, deadline.DueAt);
        Assert.Equal(round.Title, deadline.Title.Nb);
        Assert.Equal(new[] { HodContact, HodSecondContact }.Order(), deadline.RecipientPersonIds.Order());
    }

    [Fact]
    public async Task Deadlines_EveryMinistrySubmitted_DeadlineWithoutRecipients()
    {
        var round = await AddRoundAsync(closed: false);
        await using (var db = store.Context())
        {
            db.RoundSubmissions.AddRange(
                new RoundSubmission { RoundId = round.Id, MinistryId = Fin.Id, MinistryCode = "FIN", SubmittedAt = Now, PersonName = "Per Hansen" },
                new RoundSubmission { RoundId = round.Id, MinistryId = Hod.Id, MinistryCode = "HOD", SubmittedAt = Now, PersonName = "Ingrid Berg" });
            await db.SaveChangesAsync(Ct);
        }

        var deadline = Assert.Single(await DeadlinesAsync());

        Assert.Empty(deadline.RecipientPersonIds);
    }

    [Fact]
    public async Task Deadlines_NoOpenRound_NoneAndRegistryNotAsked()
    {
        await AddRoundAsync(closed: true);

        Assert.Empty(await DeadlinesAsync());
        directory.Verify(d => d.GetPeopleAsync(It.IsAny<Guid?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public async Task Deadlines_OpenRoundDueRelativeToFrom_OnlyThoseDueAtOrAfterFrom(int seconds, bool listed)
    {
        var from = Now.AddYears(-1);
        var round = await AddRoundAsync(closed: false, deadline: from.AddSeconds(seconds));

        var deadlines = await DeadlinesAsync(from);

        string[] expected = listed ? [$"workstreams.round:{round.Id}"] : [];
        Assert.Equal(expected, deadlines.Select(d => d.Key));
    }

    [Fact]
    public async Task Deadlines_OverdueOpenRoundWithinTheSweepsYear_StillListed()
    {
        var overdue = await AddRoundAsync(closed: false, deadline: Now.AddDays(-3));
        var upcoming = await AddRoundAsync(closed: false);

        var deadlines = await DeadlinesAsync(Now.AddYears(-1));

        Assert.Equal(new[] { $"workstreams.round:{overdue.Id}", $"workstreams.round:{upcoming.Id}" }.Order(StringComparer.Ordinal), deadlines.Select(d => d.Key).Order(StringComparer.Ordinal));
    }

    private async Task<ReportingRound> AddRoundAsync(bool closed, DateTimeOffset? deadline = null)
    {
        await using var db = store.Context();
        var round = new ReportingRound
        {
            Title = closed ? "Avsluttet runde" : "Status per 1. mars",
            Deadline = deadline ?? new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero),
            OpenedAt = Now,
            OpenedBy = "Kari Nordmann",
            ClosedAt = closed ? Now : null,
        };
        db.ReportingRounds.Add(round);
        await db.SaveChangesAsync(Ct);
        return round;
    }

    private async Task<List<Samordning.Shared.Deadlines.Deadline>> DeadlinesAsync(DateTimeOffset? from = null)
    {
        await using var db = store.Context();
        var deadlines = new List<Samordning.Shared.Deadlines.Deadline>();
        await foreach (var deadline in new RoundDeadlines(db, directory.Object).GetOpenDeadlinesAsync(from ?? Now, until: null, Ct))
        {
            deadlines.Add(deadline);
        }

        return deadlines;
    }

    private static PersonInfo Contact(Guid id, MinistryInfo ministry) =>
        new(id, $"Kontakt {ministry.Code}", $"{id:N}@example.no", ministry.Id, null, [Roles.ContactPerson], true, "nb");
}
