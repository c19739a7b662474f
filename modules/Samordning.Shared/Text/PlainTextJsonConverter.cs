using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samordning.Shared.Text;

/// <summary>
/// Every JSON string the API reads or writes goes through <see cref="PlainText.Normalize"/>, so no endpoint can
/// store a control character by forgetting a call. A lone surrogate sent as an escape (<c>"\uD800"</c>), which
/// System.Text.Json refuses to read, becomes U+FFFD like any other lone surrogate.
/// </summary>
public sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // The reader's own error for "a number where text belongs", which the serializer turns into a 400.
            return reader.GetString()!;
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException) when (reader.ValueIsEscaped)
        {
            text = UnescapeLeniently(reader.HasValueSequence ? BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        }

        return PlainText.Normalize(text);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(PlainText.Safe(value));
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PlainText.Normalize(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(PlainText.Safe(value));
    }

    // JSON string escapes written out by hand, keeping a \uXXXX that is half a surrogate pair as that UTF-16 unit
    // (Normalize then replaces it). Only reached for the escapes the reader refuses; the reader has already checked
    // the escapes are well formed.
    private static string UnescapeLeniently(ReadOnlySpan<byte> utf8)
    {
        var raw = Encoding.UTF8.GetString(utf8);
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length)
            {
                builder.Append(raw[i]);
                continue;
            }

            var escape = raw[++i];
            switch (escape)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when i + 4 < raw.Length:
                    builder.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: builder.Append(escape); break;
            }
        }

        return builder.ToString();
    }
}
