using System.IO.Compression;
using Samordning.Feedback.Data;

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

    // The same rules for the public page and for staff recording input that came by e-mail or letter: at most
    // MaxCount files of MaxBytes each, each one a kind its content proves. TooLarge asks the page for a 413.
    public static (bool TooLarge, List<FeedbackAttachment> Accepted) Check(IReadOnlyList<UploadedFile> files, FieldErrors errors, string field)
    {
        var tooLarge = false;
        var accepted = new List<FeedbackAttachment>();
        if (files.Count > MaxCount)
        {
            errors.Add(field, new($"Du kan legge ved høyst {MaxCount} filer.", $"You can attach at most {MaxCount} files."));
        }

        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Content.LongLength > MaxBytes)
            {
                tooLarge = true;
                errors.Add(field, new(
                    $"«{name}» er større enn {MaxBytes / 1024 / 1024} MB.",
                    $"“{name}” is larger than {MaxBytes / 1024 / 1024} MB."));
            }
            else if (name.Length > 200)
            {
                errors.Add(field, new("Filnavnet kan ha høyst 200 tegn.", "The file name can have at most 200 characters."));
            }
            else if (ContentTypeOf(name, file.Content) is { } contentType)
            {
                accepted.Add(new FeedbackAttachment { FileName = name, ContentType = contentType, Size = file.Content.LongLength, Content = file.Content });
            }
            else
            {
                errors.Add(field, new(
                    $"«{name}» er ikke en PDF-, Word- eller OpenDocument-fil.",
                    $"“{name}” is not a PDF, Word or OpenDocument file."));
            }
        }

        return (tooLarge, accepted);
    }

    // Reads a form's files, never more than the rules allow: an oversized file is measured by its length alone,
    // and one file beyond the count is enough to refuse the lot.
    public static async Task<List<UploadedFile>> ReadAsync(IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        var read = new List<UploadedFile>();
        foreach (var file in files.Where(f => f.Length > 0).Take(MaxCount + 1))
        {
            if (file.Length > MaxBytes)
            {
                read.Add(new UploadedFile(file.FileName, new byte[MaxBytes + 1]));
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            read.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        return read;
    }

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
