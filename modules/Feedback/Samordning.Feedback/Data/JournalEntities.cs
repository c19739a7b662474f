namespace Samordning.Feedback.Data;

// A case (saksmappe) in the ministry's journal: one per input round, one per year for input outside rounds, one per
// meeting. Its number (year/sequence) is given once and never changes, so an archive that imported it keeps it.
internal sealed class JournalCase
{
    public long Id { get; set; }

    // What the case is for: "round:{id}", "input:{year}" or "meeting:{id}".
    public required string Key { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}

// A journal entry (journalpost): the numbers a document was given when it was journalled. Only the numbers are kept;
// titles, parties and exemptions are read from the document itself whenever the journal is shown or exported, so an
// exemption decided after journalling, or an anonymisation, is honoured at once.
internal sealed class JournalEntry
{
    public long Id { get; set; }

    // "input", "minutes" or "presentation", with the document's id in its module.
    public required string SourceKind { get; set; }
    public Guid SourceId { get; set; }
    public long CaseId { get; set; }

    // The document's number within its case (2026/14-3 is document 3 of case 2026/14).
    public int DocumentNumber { get; set; }

    // The running journal number: year and sequence within that year, in Europe/Oslo.
    public int Year { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset JournalledAt { get; set; }
}
