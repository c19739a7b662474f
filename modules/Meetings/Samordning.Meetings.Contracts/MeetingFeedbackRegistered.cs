using Samordning.Shared.Events;

namespace Samordning.Meetings.Contracts;

/// <summary>
/// The feedback register's acknowledgement of <see cref="MeetingFeedbackSent"/>: it has the entry as an item. Sent
/// through the register's outbox in the transaction that stored the item (and again when a repeated send finds it
/// stored); the Meetings module marks the entry received. Idempotent: the first time is kept.
/// </summary>
/// <param name="EntryId">The meeting entry that was sent.</param>
/// <param name="RegisteredAt">When the register stored it, in UTC.</param>
public sealed record MeetingFeedbackRegistered(Guid EntryId, DateTimeOffset RegisteredAt) : IEvent;
