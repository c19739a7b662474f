using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordning.Shared.Persistence;
using Samordning.Shared.Text;
using Samordning.Shared.Time;

namespace Samordning.Shared.History;

/// <summary>One changed field: its name and the values before and after, as the reader reads them.</summary>
public sealed record HistoryChange(string Field, string Label, string Before, string After, bool Personal);

/// <summary>One save of the record: when (Oslo time, written out), who, the change (Created, Updated, Deleted) and its name, and the fields.</summary>
public sealed record HistoryItem(long Id, DateTimeOffset At, string When, string Actor, string Kind, string Action, IReadOnlyList<HistoryChange> Changes);

/// <summary>A record's history as a page shows it: the record's name, where it lives, and the changes, newest first.</summary>
public sealed record HistoryView(string Title, string RecordUrl, IReadOnlyList<HistoryItem> Items);

/// <summary>
/// Reads a record's audit entries (written by the auditing interceptor in the module's own store) as history a
/// person can read: field names and values in the request's language, times in Europe/Oslo. Personal values are
/// written to the audit log only as <see cref="AuditLog.Redacted"/>, so a change to one is shown as a change whose
/// values the history does not keep; older entries that still hold one show it only to those who may see it.
/// </summary>
public static class RecordHistory
{
    private const string Empty = "–";

    /// <summary>
    /// The history of one record, newest first, showing only the fields named in <paramref name="fields"/>. Values of
    /// personal properties (<see cref="PersonalDataAttribute"/>) are shown only when <paramref name="showPersonal"/>:
    /// entries written before a property was marked may still hold one until the record is anonymised or erased.
    /// </summary>
    public static Task<IReadOnlyList<HistoryItem>> ReadAsync(
        ModuleDbContext db, string entity, Guid entityId, IReadOnlyDictionary<string, HistoryField> fields, bool showPersonal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return ReadAsync(db, db.AuditLog.Where(a => a.EntityId == entityId && a.Entity == entity), entity, fields, showPersonal, cancellationToken);
    }

    /// <summary>
    /// The history of the records of one kind that belong to another (a meeting's guest links), newest first, as
    /// <see cref="ReadAsync(ModuleDbContext, string, Guid, IReadOnlyDictionary{string, HistoryField}, bool, CancellationToken)"/>;
    /// <paramref name="entityIds"/> is a query of the same store, so the ids are not read first.
    /// </summary>
    public static Task<IReadOnlyList<HistoryItem>> ReadAsync(
        ModuleDbContext db, string entity, IQueryable<Guid> entityIds, IReadOnlyDictionary<string, HistoryField> fields, bool showPersonal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return ReadAsync(db, db.AuditLog.Where(a => a.Entity == entity && entityIds.Contains(a.EntityId)), entity, fields, showPersonal, cancellationToken);
    }

    private static async Task<IReadOnlyList<HistoryItem>> ReadAsync(
        ModuleDbContext db, IQueryable<AuditEntry> audit, string entity, IReadOnlyDictionary<string, HistoryField> fields, bool showPersonal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var personal = db.Model.GetEntityTypes().Where(e => e.ClrType.Name == entity)
            .SelectMany(e => e.GetProperties()).Where(AuditLog.IsPersonal).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var entries = await audit.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(e => ToItem(e, fields, showPersonal ? [] : personal)).Where(i => i.Changes.Count > 0 || i.Kind != "Updated")];
    }

    /// <summary>An instant as Oslo time, written out in the reader's language.</summary>
    public static string When(DateTimeOffset instant) =>
        Oslo.ToOslo(instant).ToString(
            Localized.IsEnglish ? "d MMMM yyyy 'at' HH:mm" : "d. MMMM yyyy 'kl.' HH:mm",
            Localized.Culture);

    private static HistoryItem ToItem(AuditEntry entry, IReadOnlyDictionary<string, HistoryField> fields, HashSet<string> hidden)
    {
        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        var changes = fields
            .Where(f => before.ContainsKey(f.Key) || after.ContainsKey(f.Key))
            .Select(f =>
            {
                var old = before.TryGetValue(f.Key, out var b) ? b : (JsonElement?)null;
                var @new = after.TryGetValue(f.Key, out var a) ? a : (JsonElement?)null;
                if (hidden.Contains(f.Key))
                {
                    return new HistoryChange(f.Key, f.Value.Label, Hidden(old), Hidden(@new), Personal: true);
                }

                return new HistoryChange(f.Key, f.Value.Label, Show(old, f.Value), Show(@new, f.Value), IsRedacted(old) || IsRedacted(@new));
            })
            // A created record lists what it was given; empty fields say nothing.
            .Where(c => !(entry.Action == "Created" && c.After == Empty))
            .ToList();
        return new(entry.Id, entry.At, When(entry.At), entry.Actor, entry.Action, ActionName(entry.Action), changes);
    }

    private static string ActionName(string action) => action switch
    {
        "Created" => Localized.T("Opprettet", "Created"),
        "Deleted" => Localized.T("Slettet", "Deleted"),
        _ => Localized.T("Endret", "Changed"),
    };

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];

    private static bool IsRedacted(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } v && v.GetString() == AuditLog.Redacted;

    private static string Hidden(JsonElement? value) =>
        value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? Empty
            : IsRedacted(v) ? NotKept
            : Localized.T("personopplysning, skjult for deg", "personal data, hidden from you");

    private static string NotKept => Localized.T("personopplysning, ikke lagret i historikken", "personal data, not kept in the history");

    private static string Show(JsonElement? value, HistoryField field)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return Empty;
        }

        if (IsRedacted(v))
        {
            return NotKept;
        }

        if (field.Format is { } format)
        {
            return format(v);
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => Localized.T("Ja", "Yes"),
            JsonValueKind.False => Localized.T("Nei", "No"),
            JsonValueKind.String when v.GetString() is { Length: > 0 } text => Instant(text) is { } instant ? When(instant) : text,
            JsonValueKind.String => Empty,
            _ => v.GetRawText(),
        };
    }

    // DateTimeOffset values are stored in ISO 8601 ("2026-03-01T09:00:00+01:00"); dates alone stay as written.
    private static DateTimeOffset? Instant(string text) =>
        text.Length > 19 && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
}
