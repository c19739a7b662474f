namespace Samordning.Meetings.Data;

// A guest link to one meeting: someone without a registry account follows the live notes, asks questions, votes and
// registers. What a link is (token hash, named guest or number of people, expiry, revocation) is the shared record.
internal sealed class GuestLink : GuestLinkRecord
{
    public Guid MeetingId { get; set; }
}

// One redemption of a meeting's guest link: the guest's own id is what their questions, votes and registration carry.
internal sealed class GuestPass : GuestPassRecord
{
    public Guid MeetingId { get; set; }

    // A guest signs up here rather than among the meeting's participants, which its organisers edit as a whole.
    public DateTimeOffset? RegisteredAt { get; set; }
}
