using System.IO.Compression;

namespace Samordning.Feedback.Submissions;

internal sealed record UploadedFile(string FileName, byte[] Content);

// Which files the register accepts, decided by what the bytes are, not by what the name says: a renamed
// executable is refused even when it is called "innspill.pdf".
internal static class AttachmentRules
{
    public const int MaxCount = 3;
    public const long MaxBytes = 5 * 1024 * 1024;

    // The whole form: the attachments plus room for the text fields.
    public const long MaxRequestBytes = (MaxCount * MaxBytes) + (1024 * 1024);

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static string Accept => ".pdf,.docx,.doc,.odt";

    // The content type to store and serve, or null when the content is not the kind its name claims.
    public static string? ContentTypeOf(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        return extension switch
        {
            ".PDF" when content.StartsWith(Pdf) => "application/pdf",
            ".DOC" when content.StartsWith(Ole2) => "application/msword",
            ".DOCX" when content.StartsWith(Zip) && ZipHas(content, "[Content_Types].xml", "word/document.xml") =>
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".ODT" when content.StartsWith(Zip) && IsOdt(content) => "application/vnd.oasis.opendocument.text",
            _ => null,
        };
    }

    private static bool ZipHas(ReadOnlySpan<byte> content, params string[] entries)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return entries.All(name => archive.GetEntry(name) is not null);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    // OpenDocument puts an uncompressed "mimetype" entry first; its text names the document kind.
    private static bool IsOdt(ReadOnlySpan<byte> content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            if (archive.GetEntry("mimetype") is not { } entry)
            {
                return false;
            }

            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text";
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
