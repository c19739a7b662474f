namespace Samordning.Workstreams.Reports;

// The status report for the leadership meeting (issue 17): coordinators make, list, read and download kept reports.
internal sealed class ReportEndpoints : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/workstreams/reports").RequireAuthorization(Policies.Coordinator).WithTags("Status reports");

        reports.MapPost("", async (StatusReports service, CancellationToken ct) =>
            {
                var report = await service.CreateAsync(ct);
                return TypedResults.Created($"/api/workstreams/reports/{report.Id}", report);
            })
            .WithSummary("Makes and keeps a status report from the dashboard's figures now, compared with the report made before it (coordinators).");

        reports.MapGet("", async (StatusReports service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithSummary("The kept status reports, newest first (coordinators).");

        reports.MapGet("/{id:guid}", async Task<Results<Ok<StatusReportDetails>, ProblemHttpResult>> (Guid id, StatusReports service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } report ? TypedResults.Ok(report) : Problems.NotFound())
            .WithSummary("A kept status report: the figures it was made from and what had changed since the one before (coordinators).");

        reports.MapGet("/{id:guid}/statusrapport.docx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, StatusReports service, CancellationToken ct) =>
                await service.DocumentAsync(id, ct) is { } file ? TypedResults.File(file.Content, StatusReports.ContentType, file.FileName) : Problems.NotFound())
            .WithSummary("A kept status report as the Word document (.docx) made with it (coordinators).");
    }
}
