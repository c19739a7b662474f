using System.Text.Json;
using Samordning.Shared.Text;

namespace Samordning.Shared.History;

/// <summary>
/// How a record's history shows one stored property: its name in the reader's language and, where the stored
/// value is a code (an enum's number), how to say it. Properties without a field are bookkeeping and not shown.
/// </summary>
public sealed record HistoryField(LocalizedText Label, Func<JsonElement, string>? Format = null)
{
    /// <summary>A field whose stored value is the number of <typeparamref name="TEnum"/>, shown by <paramref name="name"/>.</summary>
    public static HistoryField Enum<TEnum>(LocalizedText label, Func<TEnum, string> name)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(name);
        // Stored as its number, or as its name where the enum carries a string converter.
        return new(label, value => value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => name((TEnum)System.Enum.ToObject(typeof(TEnum), number)),
            JsonValueKind.String when System.Enum.TryParse<TEnum>(value.GetString(), out var parsed) => name(parsed),
            _ => value.ToString(),
        });
    }
}
