using Samordning.Shared.Text;
using System.Text.Json;
using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives.Import;

internal sealed record ImportRowView(int Row, string? Reference, string? Title, bool Updates, IReadOnlyList<ImportCellError> Errors);

// What a person sees of an import before (and after) confirming: the file's columns and how they are mapped, the
// counts, and the rows shown (every row with errors, up to a bound, and the first rows).
internal sealed record ImportPreview(
    Guid Id,
    long Version,
    string FileName,
    Guid MinistryId,
    string MinistryCode,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<string, int?> Mapping,
    int Rows,
    int RowsWithErrors,
    int ToCreate,
    int ToUpdate,
    IReadOnlyList<ImportRowView> Shown,
    DateTimeOffset? ConfirmedAt,
    int Created,
    int Updated,
    string Stamp)
{
    public const int FirstRowsShown = 20;
    public const int ErrorRowsShown = 500;

    public bool CanConfirm => ConfirmedAt is null && RowsWithErrors == 0;
}

internal sealed record ImportMappingRequest(IReadOnlyDictionary<string, int?>? Mapping, long? Version);

// Version: the import's, as previewed (its mapping). Stamp: the preview's, which names the stored initiatives the
// rows update and the versions they had, so an edit of one of them since the preview is a conflict, not overwritten.
internal sealed record ImportConfirmRequest(long? Version, string? Stamp);

// Bulk import of a ministry's list of initiatives (issue 17): upload (parsed and held in the module's store, so any
// node can answer the next step), map the columns, preview every row's errors, and confirm: then every row is
// saved in one transaction, as the form would save it, or none is.
internal static class ImportInitiatives
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static async Task<Outcome<ImportPreview>> UploadAsync(
        InitiativeServices deps, Guid? ministryId, string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        var user = deps.User.Principal;
        if (!InitiativeAccess.CanCreateAny(user) || deps.User.PersonId is not { } personId)
        {
            return Outcome.Forbidden<ImportPreview>();
        }

        var target = ministryId ?? (user.IsInRole(Roles.ContactPerson) ? user.MinistryId() : null);
        if (target is { } chosen && !InitiativeAccess.CanCreateFor(user, chosen))
        {
            return Outcome.Forbidden<ImportPreview>();
        }

        var errors = new FieldErrors();
        var ministry = target is { } id ? await deps.Directory.GetMinistryAsync(id, cancellationToken) : null;
        if (ministry is null)
        {
            errors.Add("MinistryId", new("Velg departementet listen gjelder.", "Choose the ministry the list belongs to."));
        }

        var (table, fileError) = ImportFile.Read(fileName, bytes);
        if (fileError is { } message)
        {
            errors.Add("File", message);
        }

        if (errors.Any)
        {
            return Outcome.Invalid<ImportPreview>(errors);
        }

        var now = deps.Clock.UtcNow;
        var import = new InitiativeImport
        {
            PersonId = personId,
            MinistryId = ministry!.Id,
            MinistryCode = ministry.Code,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 255 } name ? name : "import",
            CreatedAt = now,
            ExpiresAt = now + ImportLimits.Lifetime,
            Headers = JsonSerializer.Serialize(table!.Headers, Json),
            Rows = JsonSerializer.Serialize(table.Rows, Json),
            Mapping = JsonSerializer.Serialize(ImportColumns.Guess(table.Headers), Json),
        };

        // Expired imports go when a new one comes, so the table holds only what is waiting.
        await deps.Db.InitiativeImports.Where(i => i.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        deps.Db.InitiativeImports.Add(import);
        await deps.Db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(await PreviewAsync(deps, import, table, cancellationToken));
    }

    public static async Task<Outcome<ImportPreview>> GetAsync(InitiativeServices deps, Guid id, CancellationToken cancellationToken)
    {
        var (import, refusal) = await FindAsync(deps, id, tracked: false, cancellationToken);
        return import is null ? refusal! : Outcome.Ok(await PreviewAsync(deps, import, Table(import), cancellationToken));
    }

    public static async Task<Outcome<ImportPreview>> MapAsync(InitiativeServices deps, Guid id, ImportMappingRequest request, CancellationToken cancellationToken)
    {
        var (import, refusal) = await FindAsync(deps, id, tracked: true, cancellationToken);
        if (import is null)
        {
            return refusal!;
        }

        if (import.ConfirmedAt is not null)
        {
            return Outcome.Invalid<ImportPreview>(new FieldErrors().Add("Mapping", AlreadyImported));
        }

        var table = Table(import);
        import.Mapping = JsonSerializer.Serialize(ImportColumns.Clean(request.Mapping, table.Headers.Count), Json);
        var outcome = await Concurrency.SaveAsync(deps.Db, import, request.Version, () => { }, i => i, cancellationToken);
        if (outcome.Kind is OutcomeKind.Invalid or OutcomeKind.NotFound)
        {
            return outcome.Kind == OutcomeKind.Invalid ? Outcome.Invalid<ImportPreview>(outcome.Errors!) : Outcome.NotFound<ImportPreview>();
        }

        // On a conflict the import was read again: the preview shows the mapping someone else saved.
        var preview = await PreviewAsync(deps, import, table, cancellationToken);
        return outcome.Kind == OutcomeKind.Ok ? Outcome.Ok(preview) : Outcome.Conflict(preview);
    }

    // Every row saved in one transaction through the same rules and effects as the form's (progress entry, audit,
    // search index, dashboard counts, live items), or, if any row has an error, nothing.
    public static async Task<Outcome<ImportPreview>> ConfirmAsync(InitiativeServices deps, Guid id, ImportConfirmRequest request, CancellationToken cancellationToken)
    {
        var (import, refusal) = await FindAsync(deps, id, tracked: true, cancellationToken);
        if (import is null)
        {
            return refusal!;
        }

        if (!InitiativeAccess.CanCreateFor(deps.User.Principal, import.MinistryId))
        {
            return Outcome.Forbidden<ImportPreview>();
        }

        var table = Table(import);
        if (request.Version is not { } expected || string.IsNullOrEmpty(request.Stamp))
        {
            return Outcome.Invalid<ImportPreview>(new FieldErrors().Add(nameof(IVersioned.Version), new("Versjonen du bekrefter, må oppgis.", "The version you are confirming must be given.")));
        }

        // Confirmed already, or the mapping changed since the person looked: they confirm what they saw or nothing.
        if (import.ConfirmedAt is not null || expected != import.Version)
        {
            return Outcome.Conflict(await PreviewAsync(deps, import, table, cancellationToken));
        }

        var (rows, evaluator) = await EvaluateAsync(deps, import, table, tracked: true, cancellationToken);
        if (Stamp(rows) != request.Stamp)
        {
            deps.Db.ChangeTracker.Clear();
            return Outcome.Conflict(await PreviewAsync(deps, import, table, cancellationToken));
        }

        if (rows.Any(r => r.Errors.Count > 0))
        {
            var errors = new FieldErrors();
            foreach (var error in rows.SelectMany(r => r.Errors))
            {
                errors.Add($"Rows[{error.Row}].{error.Field}", new(error.Message, error.Message));
            }

            return Outcome.Invalid<ImportPreview>(errors);
        }

        var now = deps.Clock.UtcNow;
        var before = new List<DashboardAggregates.Cell>();
        var after = new List<DashboardAggregates.Cell>();
        var created = new List<Initiative>();
        var updated = new List<Initiative>();
        var note = $"Import: {import.FileName}";
        await using var transaction = await deps.Db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            var initiative = row.Existing ?? new Initiative { Title = "", OwningMinistryCode = "" };
            if (row.Existing is not null)
            {
                before.AddRange(DashboardAggregates.CellsOf(initiative));
                Rounds.WorkstreamNotices.InitiativeChanged(deps.Db, initiative, deps.User.PersonId, now);
            }
            else
            {
                deps.Db.Initiatives.Add(initiative);
            }

            row.Request.ApplyTo(initiative, evaluator.Resolve(row), now);
            initiative.Reference = row.Reference;
            after.AddRange(DashboardAggregates.CellsOf(initiative));
            deps.Db.ProgressEntries.Add(initiative.ToProgressEntry(deps.User, now, note));
            (row.Existing is null ? created : updated).Add(initiative);
        }

        InitiativeLive.StageImport(deps.Db, import.MinistryId, created, updated);

        import.ConfirmedAt = now;
        import.Created = created.Count;
        import.Updated = updated.Count;
        deps.Db.Entry(import).Property(i => i.Version).OriginalValue = expected;
        try
        {
            await deps.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another confirm of the same import, or an edit of an initiative it updates, came first: nothing is saved.
            await transaction.RollbackAsync(cancellationToken);
            deps.Db.ChangeTracker.Clear();
            var (current, _) = await FindAsync(deps, id, tracked: false, cancellationToken);
            return current is null ? Outcome.NotFound<ImportPreview>() : Outcome.Conflict(await PreviewAsync(deps, current, table, cancellationToken));
        }

        await DashboardAggregates.ApplyAsync(deps.Db, before, after, phaseMayHaveChanged: true, now, cancellationToken);
        await Rounds.RunningConfirmations.FollowAsync(deps.Db, [.. updated.Select(i => i.Id)], cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return Outcome.Ok(await PreviewAsync(deps, import, table, cancellationToken));
    }

    // Only the person who uploaded it sees an import; to anyone else, and once expired, it does not exist.
    private static async Task<(InitiativeImport? Import, Outcome<ImportPreview>? Refusal)> FindAsync(
        InitiativeServices deps, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? deps.Db.InitiativeImports : deps.Db.InitiativeImports.AsNoTracking();
        var import = await query.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null || import.PersonId != deps.User.PersonId || (import.ConfirmedAt is null && import.ExpiresAt < deps.Clock.UtcNow))
        {
            return (null, Outcome.NotFound<ImportPreview>());
        }

        return (import, null);
    }

    private static ImportTable Table(InitiativeImport import) => new(
        JsonSerializer.Deserialize<List<string>>(import.Headers, Json) ?? [],
        JsonSerializer.Deserialize<List<ImportRow>>(import.Rows, Json) ?? []);

    private static Dictionary<string, int?> Mapping(InitiativeImport import, ImportTable table) =>
        ImportColumns.Clean(JsonSerializer.Deserialize<Dictionary<string, int?>>(import.Mapping, Json), table.Headers.Count);

    private static async Task<(List<ImportedRow> Rows, ImportRows Evaluator)> EvaluateAsync(
        InitiativeServices deps, InitiativeImport import, ImportTable table, bool tracked, CancellationToken cancellationToken)
    {
        var ministries = await deps.Directory.GetMinistriesAsync(cancellationToken);
        var owner = ministries.FirstOrDefault(m => m.Id == import.MinistryId) ?? new MinistryInfo(import.MinistryId, import.MinistryCode, import.MinistryCode, import.MinistryCode);
        var mapping = Mapping(import, table);
        var references = mapping[ImportColumns.Reference] is { } column
            ? table.Rows.Select(r => r.Cell(column).Trim()).Where(r => r.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];

        // Only the initiatives the rows name are read (with their children), however many the ministry has; lower()
        // folds ASCII letters on every provider, and the comparison below folds the rest.
        var lowered = references.Select(r => r.ToLowerInvariant()).Distinct().ToList();
        var query = tracked ? deps.Db.Initiatives.AsQueryable() : deps.Db.Initiatives.AsNoTracking();
        var stored = references.Count == 0
            ? []
#pragma warning disable CA1304, CA1311 // translated to SQL lower(); the culture overloads are not
            : await query.WithChildren()
                .Where(i => i.OwningMinistryId == import.MinistryId && i.Reference != null && lowered.Contains(i.Reference.ToLower()))
                .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311
        var existing = new Dictionary<string, Initiative>(StringComparer.OrdinalIgnoreCase);
        foreach (var initiative in stored.Where(i => references.Contains(i.Reference!)))
        {
            existing.TryAdd(initiative.Reference!, initiative);
        }

        var evaluator = new ImportRows(table.Headers, mapping, owner, ministries, existing);
        return (evaluator.Evaluate(table.Rows), evaluator);
    }

    private static async Task<ImportPreview> PreviewAsync(InitiativeServices deps, InitiativeImport import, ImportTable table, CancellationToken cancellationToken)
    {
        var mapping = Mapping(import, table);
        List<ImportedRow> rows = import.ConfirmedAt is null ? (await EvaluateAsync(deps, import, table, tracked: false, cancellationToken)).Rows : [];
        var shown = rows
            .Where((r, index) => index < ImportPreview.FirstRowsShown || r.Errors.Count > 0)
            .Take(ImportPreview.FirstRowsShown + ImportPreview.ErrorRowsShown)
            .Select(r => new ImportRowView(r.Source.Number, r.Reference, r.Request.Title, r.Updates, r.Errors))
            .ToList();
        return new ImportPreview(
            import.Id, import.Version, import.FileName, import.MinistryId, import.MinistryCode, import.ExpiresAt, table.Headers, mapping,
            table.Rows.Count, rows.Count(r => r.Errors.Count > 0), rows.Count(r => !r.Updates), rows.Count(r => r.Updates), shown,
            import.ConfirmedAt, import.Created, import.Updated, Stamp(rows));
    }

    // The stored initiatives the rows update, with their versions, as a short hash.
    private static string Stamp(IEnumerable<ImportedRow> rows)
    {
        var state = string.Join(';', rows.Where(r => r.Existing is not null).Select(r => $"{r.Existing!.Id:N}:{r.Existing.Version}").Order(StringComparer.Ordinal));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(state)))[..16];
    }

    private static LocalizedText AlreadyImported => new("Listen er allerede importert.", "The list has already been imported.");
}
