using Samordning.Meetings.Data;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Live;
using Samordning.Shared.Time;
using Samordning.Workstreams.Contracts;

namespace Samordning.Meetings.Meetings;

// What the meeting use cases need, bundled so endpoints and pages ask for one thing.
internal sealed record MeetingServices(
    MeetingsDbContext Db,
    IMinistryDirectory Directory,
    IWorkstreamDirectory Workstreams,
    IInitiativeDirectory Initiatives,
    ICurrentUser User,
    IClock Clock,
    ILiveUpdates Live,
    IOutbox Outbox);
