namespace Samordning.Workstreams.Data;

// A kept status report for the leadership meeting (issue 17): who made it and when. Audited; what it holds is in
// StatusReportContent, so the audit log records that a report was made without a copy of the whole document.
internal sealed class StatusReport : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset MadeAt { get; set; }
    public Guid? MadeById { get; set; }
    public required string MadeBy { get; set; }

    // The language ("nb", "nn", "en") the Word document was written in: that of the person who made it.
    public required string Language { get; set; }
}

// What a kept report was made from and what it gave: the figures (JSON of Reports.ReportContent, which the next
// report compares with) and the Word document exactly as it was downloaded then.
internal sealed class StatusReportContent
{
    public Guid ReportId { get; set; }
    public required string Figures { get; set; }
    public required byte[] Document { get; set; }
}
