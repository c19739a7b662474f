using System.IO.Compression;

namespace Samordning.Meetings.Materials;

// What an uploaded presentation is, decided by its content, never by its name alone: PDF by its header, the
// old PowerPoint format by the OLE2 compound file signature, PowerPoint (.pptx) and ODF presentations (.odp)
// as ZIP packages holding their presentation part. The name's extension must agree with the content.
internal static class PresentationFiles
{
    public const long MaxBytes = 8 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static string? Detect(byte[] content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        var detected = DetectContent(content);
        var expected = extension switch
        {
            ".PDF" => "application/pdf",
            ".PPT" => "application/vnd.ms-powerpoint",
            ".PPTX" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".ODP" => "application/vnd.oasis.opendocument.presentation",
            _ => null,
        };
        return detected is not null && detected == expected ? detected : null;
    }

    private static string? DetectContent(byte[] content)
    {
        if (content.AsSpan().StartsWith(Pdf))
        {
            return "application/pdf";
        }

        if (content.AsSpan().StartsWith(Ole2))
        {
            return "application/vnd.ms-powerpoint";
        }

        if (!content.AsSpan().StartsWith(Zip))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("ppt/presentation.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null)
            {
                return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            }

            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                if (reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.presentation")
                {
                    return "application/vnd.oasis.opendocument.presentation";
                }
            }
        }
        catch (InvalidDataException)
        {
            // Starts like a ZIP file but is not one.
        }

        return null;
    }
}
