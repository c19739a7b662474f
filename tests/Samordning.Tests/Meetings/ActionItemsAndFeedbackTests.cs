using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Meetings.Contracts;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Events;
using Samordning.Tests.Infrastructure;
using static Samordning.Tests.Meetings.MeetingTestData;

namespace Samordning.Tests.Meetings;

// Records what reached the feedback register's side of the contract.
public sealed class FeedbackRecorder : IEventHandler<MeetingFeedbackSent>
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<MeetingFeedbackSent> Received = new();

    public Task HandleAsync(MeetingFeedbackSent @event, CancellationToken cancellationToken)
    {
        Received.Enqueue(@event);
        return Task.CompletedTask;
    }
}

public sealed class FeedbackFactory : IAsyncLifetime
{
    public SamordningFactory Factory { get; } = SamordningFactory.Create(new SamordningFactoryOptions
    {
        ConfigureServices = services => services.AddScoped<IEventHandler<MeetingFeedbackSent>, FeedbackRecorder>(),
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class ActionItemsAndFeedbackTests(FeedbackFactory fixture) : IClassFixture<FeedbackFactory>
{
    private readonly SamordningFactory factory = fixture.Factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ActionItem_Owner_SeesItAsMineAndMarksItDone()
    {
        var meeting = await CreateLiveAsync(factory);
        var ownerId = await factory.PersonIdAsync(ParticipantHod, Ct);
        var due = new DateOnly(2030, 7, 1);
        var created = await Problem.ReadOkAsync<EntryView>(await factory.CreateClientAs(Facilitator).PostAsJsonAsync(
            $"/api/meetings/{meeting.Id}/entries", new EntryRequest(EntryKind.ActionItem, "Send eksempler", OwnerPersonId: ownerId, DueDate: due), Ct), HttpStatusCode.Created, Ct);
        var owner = factory.CreateClientAs(ParticipantHod);

        var mine = await owner.GetFromJsonAsync<List<ActionItemView>>("/api/meetings/action-items/mine", Ct);
        var done = await owner.PutAsJsonAsync($"/api/meetings/{meeting.Id}/action-items/{created.Id}/status", new ActionStatusRequest(ActionStatus.Done, created.Version), Ct);
        var someoneElse = await factory.CreateClientAs(ParticipantFin).PutAsJsonAsync($"/api/meetings/{meeting.Id}/action-items/{created.Id}/status", new ActionStatusRequest(ActionStatus.Open, created.Version + 1), Ct);

        var item = Assert.Single(mine!, i => i.Id == created.Id);
        Assert.Equal((ActionStatus.Open, due, "Send eksempler"), (item.Status, item.DueDate, item.Text));
        Assert.Equal(ActionStatus.Done, (await Problem.ReadOkAsync<ActionItemView>(done, HttpStatusCode.OK, Ct)).Status);
        await Problem.ReadAsync(someoneElse, HttpStatusCode.Forbidden, Ct);
        var ofMeeting = await owner.GetFromJsonAsync<List<ActionItemView>>($"/api/meetings/{meeting.Id}/action-items", Ct);
        Assert.Equal([ActionStatus.Done], ofMeeting!.Select(i => i.Status));
    }

    [Fact]
    public async Task Deadlines_OpenActionAndPlannedMeeting_KeysRecipientsAndOsloEndOfDay()
    {
        var live = await CreateLiveAsync(factory);
        var planned = await CreateAsync(factory);
        var ownerId = await factory.PersonIdAsync(ParticipantFin, Ct);
        var entry = await Problem.ReadOkAsync<EntryView>(await factory.CreateClientAs(Facilitator).PostAsJsonAsync(
            $"/api/meetings/{live.Id}/entries", new EntryRequest(EntryKind.ActionItem, "Frist i juli", OwnerPersonId: ownerId, DueDate: new DateOnly(2030, 7, 1)), Ct), HttpStatusCode.Created, Ct);

        var deadlines = await DeadlinesAsync(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var action = Assert.Single(deadlines, d => d.Key == $"meetings.action:{entry.Id}");
        Assert.Equal([ownerId], action.RecipientPersonIds);
        Assert.Equal(new DateTimeOffset(2030, 7, 1, 21, 59, 0, TimeSpan.Zero), action.DueAt); // 23:59 in Oslo summer time
        var meeting = Assert.Single(deadlines, d => d.Key == $"meetings.meeting:{planned.Id}");
        Assert.Equal(planned.StartsAt, meeting.DueAt);
        Assert.Contains(await factory.PersonIdAsync(ParticipantHod, Ct), meeting.RecipientPersonIds);
        Assert.DoesNotContain(deadlines, d => d.Key == $"meetings.meeting:{live.Id}");
        Assert.Equal("Frist i juli", action.Title.Nb);
    }

    [Fact]
    public async Task Deadlines_LongActionItem_TitleIsTheFirst120Characters()
    {
        var live = await CreateLiveAsync(factory);
        var ownerId = await factory.PersonIdAsync(ParticipantFin, Ct);
        var text = string.Concat(Enumerable.Repeat("Følg opp æøå ", 40));
        var entry = await Problem.ReadOkAsync<EntryView>(await factory.CreateClientAs(Facilitator).PostAsJsonAsync(
            $"/api/meetings/{live.Id}/entries", new EntryRequest(EntryKind.ActionItem, text, OwnerPersonId: ownerId, DueDate: new DateOnly(2030, 8, 1)), Ct), HttpStatusCode.Created, Ct);

        var action = Assert.Single(await DeadlinesAsync(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)), d => d.Key == $"meetings.action:{entry.Id}");

        Assert.Equal(120, action.Title.Nb.Length);
        Assert.Equal(string.Concat(text.AsSpan(0, 119), "…"), action.Title.Nb);
    }

    [Fact]
    public async Task SendFeedback_Twice_MarkedOnceAndPublishedWithSameEntryId()
    {
        var meeting = await CreateLiveAsync(factory);
        var facilitator = factory.CreateClientAs(Facilitator);
        var entry = await Problem.ReadOkAsync<EntryView>(await facilitator.PostAsJsonAsync($"/api/meetings/{meeting.Id}/entries",
            new EntryRequest(EntryKind.Feedback, "Involver innbyggerne", OrganisationName: "Forskning AS", OrganisationNumber: FakeOrganisationNumbers.Valid), Ct), HttpStatusCode.Created, Ct);

        var first = await Problem.ReadOkAsync<EntryView>(await facilitator.PostAsync($"/api/meetings/{meeting.Id}/entries/{entry.Id}/send-to-feedback", null, Ct), HttpStatusCode.OK, Ct);
        var second = await Problem.ReadOkAsync<EntryView>(await facilitator.PostAsync($"/api/meetings/{meeting.Id}/entries/{entry.Id}/send-to-feedback", null, Ct), HttpStatusCode.OK, Ct);

        Assert.NotNull(first.SentToFeedbackAt);
        // The first sending time is kept (the store keeps it to the millisecond); a new one would be later.
        Assert.Equal(first.SentToFeedbackAt!.Value, second.SentToFeedbackAt!.Value, TimeSpan.FromMilliseconds(1));
        var sent = FeedbackRecorder.Received.Where(e => e.EntryId == entry.Id).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, e => Assert.Equal(("Involver innbyggerne", "Forskning AS", FakeOrganisationNumbers.Valid, meeting.Id, "Workshop"), (e.Text, e.OrganisationName, e.OrganisationNumber, e.MeetingId, e.MeetingKind)));
        Assert.Equal(meeting.WorkstreamIds, sent[0].WorkstreamIds);
    }

    [Fact]
    public async Task SendFeedback_NoteOrParticipant_Refused()
    {
        var meeting = await CreateLiveAsync(factory);
        var note = await WriteAsync(factory.CreateClientAs(Facilitator), meeting.Id, "Bare et notat");
        var feedback = await WriteAsync(factory.CreateClientAs(Facilitator), meeting.Id, "Et innspill", EntryKind.Feedback);

        var errors = await Problem.ReadErrorsAsync(await factory.CreateClientAs(Facilitator).PostAsync($"/api/meetings/{meeting.Id}/entries/{note.Id}/send-to-feedback", null, Ct), Ct);
        var byParticipant = await factory.CreateClientAs(ParticipantFin).PostAsync($"/api/meetings/{meeting.Id}/entries/{feedback.Id}/send-to-feedback", null, Ct);

        Assert.Contains("Kind", errors.Keys);
        await Problem.ReadAsync(byParticipant, HttpStatusCode.Forbidden, Ct);
        Assert.DoesNotContain(FeedbackRecorder.Received, e => e.EntryId == note.Id || e.EntryId == feedback.Id);
    }

    [Fact]
    public async Task Deadlines_Until_OnlyActionItemsAndMeetingsDueBeforeIt()
    {
        var live = await CreateLiveAsync(factory);
        var planned = await CreateAsync(factory);
        var ownerId = await factory.PersonIdAsync(ParticipantFin, Ct);
        var facilitator = factory.CreateClientAs(Facilitator);
        async Task<Guid> ActionAsync(DateOnly due) => (await Problem.ReadOkAsync<EntryView>(await facilitator.PostAsJsonAsync(
            $"/api/meetings/{live.Id}/entries", new EntryRequest(EntryKind.ActionItem, $"Frist {due}", OwnerPersonId: ownerId, DueDate: due), Ct), HttpStatusCode.Created, Ct)).Id;
        var lastIn = await ActionAsync(new DateOnly(2031, 3, 9));
        var firstOut = await ActionAsync(new DateOnly(2031, 3, 10));

        // Midnight in Oslo between the two days: the first is due at 23:59 before it, the second after.
        var until = new DateTimeOffset(2031, 3, 10, 0, 0, 0, TimeSpan.FromHours(1));
        var window = (await DeadlinesAsync(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), until)).Select(d => d.Key).ToList();
        var meetingWindow = (await DeadlinesAsync(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), planned.StartsAt)).Select(d => d.Key).ToList();

        Assert.Contains($"meetings.action:{lastIn}", window);
        Assert.DoesNotContain($"meetings.action:{firstOut}", window);
        Assert.Contains($"meetings.meeting:{planned.Id}", window);
        Assert.DoesNotContain($"meetings.meeting:{planned.Id}", meetingWindow);
    }

    private async Task<List<Deadline>> DeadlinesAsync(DateTimeOffset from, DateTimeOffset? until = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IDeadlineSource>().Single(s => s.GetType().Name == "MeetingDeadlines");
        var list = new List<Deadline>();
        await foreach (var deadline in source.GetOpenDeadlinesAsync(from, until, Ct))
        {
            list.Add(deadline);
        }

        return list;
    }
}
