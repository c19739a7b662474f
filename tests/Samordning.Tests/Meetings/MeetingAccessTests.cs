using System.Security.Claims;
using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Security;

namespace Samordning.Tests.Meetings;

public sealed class MeetingAccessTests
{
    private static readonly Guid Kmd = Guid.NewGuid();
    private static readonly Guid Fin = Guid.NewGuid();
    private static readonly Guid Kd = Guid.NewGuid();
    private static readonly Guid Sigrid = Guid.NewGuid();
    private static readonly Guid Per = Guid.NewGuid();

    [Fact]
    public void CanRead_PersonOrTheirMinistryTakesPart_True_OthersFalse()
    {
        var meeting = Meeting(MeetingKind.Workshop);
        meeting.Participants.Add(new MeetingParticipant { Kind = ParticipantKind.Person, PersonId = Per, Name = "Per" });
        meeting.Participants.Add(new MeetingParticipant { Kind = ParticipantKind.Ministry, MinistryId = Kd, Name = "KD" });

        Assert.True(MeetingAccess.CanRead(User(Per, Fin, Roles.ContactPerson), meeting));
        Assert.True(MeetingAccess.CanRead(User(Guid.NewGuid(), Kd, Roles.ContactPerson), meeting));
        Assert.True(MeetingAccess.CanRead(User(Guid.NewGuid(), Kmd, Roles.ContactPerson), meeting));
        Assert.True(MeetingAccess.CanRead(User(Guid.NewGuid(), null, Roles.Observer), meeting));
        Assert.False(MeetingAccess.CanRead(User(Guid.NewGuid(), Fin, Roles.ContactPerson), meeting));
        Assert.False(MeetingAccess.CanRead(new ClaimsPrincipal(new ClaimsIdentity()), meeting));
    }

    [Fact]
    public void CanRead_OneToOne_NotTheWholeOrganisingMinistry_ButPublishedForEveryone()
    {
        var meeting = Meeting(MeetingKind.OneToOne);
        var colleague = User(Guid.NewGuid(), Kmd, Roles.ContactPerson);

        Assert.False(MeetingAccess.CanRead(colleague, meeting));
        meeting.Published = true;
        Assert.True(MeetingAccess.CanRead(colleague, meeting));
    }

    [Fact]
    public void Write_OnlyOwnFacilitatorsInALiveMeeting()
    {
        var meeting = Meeting(MeetingKind.Workshop);
        var facilitator = User(Sigrid, Kmd, Roles.Facilitator);
        var otherFacilitator = User(Guid.NewGuid(), Kmd, Roles.Facilitator);
        var coordinator = User(Guid.NewGuid(), Kmd, Roles.Coordinator);

        Assert.NotNull(EntryRules.RefusalFor(facilitator, meeting)); // planned
        meeting.Status = MeetingStatus.Live;
        Assert.Null(EntryRules.RefusalFor(facilitator, meeting));
        Assert.NotNull(EntryRules.RefusalFor(otherFacilitator, meeting));
        Assert.NotNull(EntryRules.RefusalFor(coordinator, meeting));
        Assert.True(MeetingAccess.CanManage(coordinator, meeting));
        Assert.False(MeetingAccess.CanManage(otherFacilitator, meeting));
        meeting.Status = MeetingStatus.Closed;
        Assert.NotNull(EntryRules.RefusalFor(facilitator, meeting));
    }

    private static Meeting Meeting(MeetingKind kind)
    {
        var meeting = new Meeting { Kind = kind, Title = "Møte", OrganisingMinistryId = Kmd, OrganisingMinistryCode = "KMD" };
        meeting.Facilitators.Add(new MeetingFacilitator { MeetingId = meeting.Id, PersonId = Sigrid, Name = "Sigrid" });
        return meeting;
    }

    internal static ClaimsPrincipal User(Guid personId, Guid? ministryId, string role)
    {
        var claims = new List<Claim> { new(SamordningClaims.PersonId, personId.ToString()), new(ClaimTypes.Role, role) };
        if (ministryId is { } id)
        {
            claims.Add(new Claim(SamordningClaims.MinistryId, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
