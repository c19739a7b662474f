using System.Text.Json;
using System.Text.Json.Serialization;
using Samordning.Shared.Text;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Reports;

internal sealed record StatusReportSummary(Guid Id, DateTimeOffset MadeAt, string MadeBy, string Language);

internal sealed record StatusReportDetails(Guid Id, DateTimeOffset MadeAt, string MadeBy, string Language, ReportContent Content);

internal sealed record StatusReportFile(string FileName, byte[] Content);

// Makes and keeps status reports: each is compared with the one made before it, and kept with its figures and its
// Word document, so it can be opened and downloaded again exactly as it was made.
internal sealed class StatusReports(WorkstreamsDbContext db, ReportFigures figures, ICurrentUser user)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<StatusReportDetails> CreateAsync(CancellationToken cancellationToken)
    {
        var previous = await db.StatusReports.AsNoTracking().OrderByDescending(r => r.MadeAt).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var content = await figures.GatherAsync(user.DisplayName, previous == Guid.Empty ? null : await ContentAsync(previous, cancellationToken), cancellationToken);
        var report = new StatusReport { MadeAt = content.MadeAt, MadeById = user.PersonId, MadeBy = user.DisplayName, Language = Localized.Language };
        db.StatusReports.Add(report);
        db.StatusReportContents.Add(new StatusReportContent
        {
            ReportId = report.Id,
            Figures = JsonSerializer.Serialize(content, Json),
            Document = ReportDocument.Write(content),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new StatusReportDetails(report.Id, report.MadeAt, report.MadeBy, report.Language, content);
    }

    public Task<List<StatusReportSummary>> ListAsync(CancellationToken cancellationToken) =>
        db.StatusReports.AsNoTracking().OrderByDescending(r => r.MadeAt)
            .Select(r => new StatusReportSummary(r.Id, r.MadeAt, r.MadeBy, r.Language))
            .ToListAsync(cancellationToken);

    public async Task<StatusReportDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await db.StatusReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return report is null || await ContentAsync(id, cancellationToken) is not { } content
            ? null
            : new StatusReportDetails(report.Id, report.MadeAt, report.MadeBy, report.Language, content);
    }

    public async Task<StatusReportFile?> DocumentAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await db.StatusReportContents.AsNoTracking().Where(c => c.ReportId == id).Select(c => c.Document).FirstOrDefaultAsync(cancellationToken);
        var madeAt = await db.StatusReports.AsNoTracking().Where(r => r.Id == id).Select(r => r.MadeAt).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : new StatusReportFile(FileName(madeAt), document);
    }

    // "statusrapport-2026-12-06-1415.docx": the Oslo time it was made, ASCII only.
    public static string FileName(DateTimeOffset madeAt) =>
        $"statusrapport-{Shared.Time.Oslo.ToOslo(madeAt).ToString("yyyy-MM-dd-HHmm", System.Globalization.CultureInfo.InvariantCulture)}.docx";

    private async Task<ReportContent?> ContentAsync(Guid id, CancellationToken cancellationToken)
    {
        var json = await db.StatusReportContents.AsNoTracking().Where(c => c.ReportId == id).Select(c => c.Figures).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ReportContent>(json, Json);
    }
}
