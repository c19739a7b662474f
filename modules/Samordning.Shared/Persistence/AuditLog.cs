using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Samordning.Shared.Persistence;

/// <summary>Personal data and the audit log: which values are redacted, and scrubbing entries written before.</summary>
public static class AuditLog
{
    /// <summary>What the audit log holds in place of a personal value that was not empty.</summary>
    public const string Redacted = "[redacted]";

    private const int Chunk = 500;
    private static readonly ConcurrentDictionary<PropertyInfo, bool> Marked = new();

    /// <summary>
    /// Replaces the personal values (properties marked <see cref="PersonalDataAttribute"/>) in the audit entries of
    /// these entities with <see cref="Redacted"/>, for entries written before the property was marked or by an older
    /// version. The entries are changed in the context, so they are saved by the caller's next save, in the same
    /// transaction as the erasure or anonymisation itself. Returns how many entries were changed.
    /// </summary>
    public static async Task<int> ScrubAsync(ModuleDbContext db, IReadOnlyCollection<Guid> entityIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entityIds);
        var personal = db.Model.GetEntityTypes()
            .GroupBy(e => e.ClrType.Name)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.GetProperties()).Where(IsPersonal).Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
        var changed = 0;
        foreach (var ids in entityIds.Distinct().Chunk(Chunk))
        {
            var entries = await db.AuditLog.Where(a => ids.Contains(a.EntityId)).ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                if (!personal.TryGetValue(entry.Entity, out var names) || names.Count == 0)
                {
                    continue;
                }

                var before = Scrub(entry.Before, names);
                var after = Scrub(entry.After, names);
                if (before != entry.Before || after != entry.After)
                {
                    entry.Before = before;
                    entry.After = after;
                    changed++;
                }
            }
        }

        return changed;
    }

    /// <summary>True when the property is marked <see cref="PersonalDataAttribute"/>.</summary>
    internal static bool IsPersonal(IReadOnlyPropertyBase property) =>
        property.PropertyInfo is { } info && Marked.GetOrAdd(info, static p => p.IsDefined(typeof(PersonalDataAttribute), inherit: true));

    /// <summary>The value the audit log stores for a property: a personal value only as <see cref="Redacted"/>.</summary>
    internal static object? ValueFor(IReadOnlyPropertyBase property, object? value) =>
        value is null || !IsPersonal(property) ? value : Redacted;

    private static string? Scrub(string? json, HashSet<string> names)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject values)
        {
            return json;
        }

        var scrubbed = false;
        foreach (var name in names)
        {
            if (values[name] is { } value && !(value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>() == Redacted))
            {
                values[name] = Redacted;
                scrubbed = true;
            }
        }

        return scrubbed ? values.ToJsonString() : json;
    }
}
