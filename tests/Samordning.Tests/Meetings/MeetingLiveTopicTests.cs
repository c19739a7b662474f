using System.Data.Common;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Security;

namespace Samordning.Tests.Meetings;

// Who may follow "meeting:{id}" is decided for every participant who joins the live meeting, so a meeting of
// 5,000 asks 5,000 times (issue 19). The policy must answer as MeetingAccess.CanRead does on the loaded meeting,
// in one statement, without reading the meeting's participants into memory.
public sealed class MeetingLiveTopicTests : IAsyncLifetime
{
    private static readonly Guid Kmd = Guid.NewGuid();
    private static readonly Guid Fin = Guid.NewGuid();
    private static readonly Guid Kd = Guid.NewGuid();
    private static readonly Guid Sigrid = Guid.NewGuid();

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly Statements statements = new();
    private readonly List<Guid> people = [.. Enumerable.Range(0, 300).Select(_ => Guid.NewGuid())];
    private Meeting workshop = null!;
    private Meeting oneToOne = null!;

    public async ValueTask InitializeAsync()
    {
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var db = Context();
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        workshop = Meeting(MeetingKind.Workshop);
        foreach (var person in people)
        {
            workshop.Participants.Add(new MeetingParticipant { MeetingId = workshop.Id, Kind = ParticipantKind.Person, PersonId = person, Name = "Deltaker" });
        }

        workshop.Participants.Add(new MeetingParticipant { MeetingId = workshop.Id, Kind = ParticipantKind.Ministry, MinistryId = Kd, Name = "KD" });
        oneToOne = Meeting(MeetingKind.OneToOne);
        db.Meetings.AddRange(workshop, oneToOne);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    [Fact]
    public async Task CanFollow_EveryKindOfReader_SameAnswerAsCanReadInOneStatement()
    {
        var users = new List<ClaimsPrincipal>
        {
            User(people[0], null, Roles.ContactPerson),
            User(people[^1], Fin, Roles.ContactPerson),
            User(Guid.NewGuid(), Kd, Roles.ContactPerson),
            User(Guid.NewGuid(), Kmd, Roles.ContactPerson),
            User(Guid.NewGuid(), Fin, Roles.ContactPerson),
            User(Guid.NewGuid(), null, Roles.Observer),
            User(Guid.NewGuid(), Fin, Roles.Coordinator),
            User(Sigrid, Kmd, Roles.Facilitator),
            Guest(workshop.Id),
            Guest(oneToOne.Id),
            new(new ClaimsIdentity()),
        };

        await using var db = Context();
        var policy = new MeetingLive(db);
        foreach (var meeting in new[] { workshop, oneToOne })
        {
            foreach (var user in users)
            {
                statements.Count = 0;
                var follows = await policy.CanFollowAsync(user, MeetingLive.Topic(meeting.Id), TestContext.Current.CancellationToken);

                Assert.Equal(MeetingAccess.CanRead(user, meeting), follows);
                Assert.True(statements.Count <= 1, $"{statements.Count} statements for one decision");
            }
        }

        Assert.Equal(301, await db.Participants.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CanFollow_NoSuchMeetingOrNotAMeetingId_Refused()
    {
        await using var db = Context();
        var policy = new MeetingLive(db);
        var missing = Guid.NewGuid();

        Assert.False(await policy.CanFollowAsync(User(Guid.NewGuid(), null, Roles.Coordinator), MeetingLive.Topic(missing), TestContext.Current.CancellationToken));
        Assert.False(await policy.CanFollowAsync(Guest(missing), MeetingLive.Topic(missing), TestContext.Current.CancellationToken));
        Assert.False(await policy.CanFollowAsync(User(Guid.NewGuid(), null, Roles.Coordinator), "meeting:not-an-id", TestContext.Current.CancellationToken));
    }

    private SqliteMeetingsDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteMeetingsDbContext>().UseSqlite(connection).AddInterceptors(statements).Options);

    private static Meeting Meeting(MeetingKind kind)
    {
        var meeting = new Meeting { Kind = kind, Title = "Møte", OrganisingMinistryId = Kmd, OrganisingMinistryCode = "KMD", Status = MeetingStatus.Live };
        meeting.Facilitators.Add(new MeetingFacilitator { MeetingId = meeting.Id, PersonId = Sigrid, Name = "Sigrid" });
        return meeting;
    }

    private static ClaimsPrincipal User(Guid personId, Guid? ministryId, string role) => MeetingAccessTests.User(personId, ministryId, role);

    private static ClaimsPrincipal Guest(Guid meetingId) =>
        new(new ClaimsIdentity([new Claim(GuestClaims.Scope, GuestClaims.ForMeeting(meetingId))], GuestClaims.Scheme));

    // Counts the statements a decision runs (a reader per query; a split query with its includes runs three).
    private sealed class Statements : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }
}
