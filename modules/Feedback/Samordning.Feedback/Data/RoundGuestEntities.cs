namespace Samordning.Feedback.Data;

// A guest link to one input round by invitation: someone without a registry account sends input through the round's
// form and gets the receipt, and nothing else. What a link is (token hash, named guest or number of people, expiry,
// revocation) is the shared record.
internal sealed class RoundGuestLink : GuestLinkRecord
{
    public Guid RoundId { get; set; }
}

// One redemption of a round's guest link: who came in, and when.
internal sealed class RoundGuestPass : GuestPassRecord
{
    public Guid RoundId { get; set; }
}
