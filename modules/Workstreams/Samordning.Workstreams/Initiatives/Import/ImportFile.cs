using Samordning.Shared.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Samordning.Workstreams.Initiatives.Import;

// An uploaded file as a table, or the reason it cannot be one, in the person's language. The kind is told by the
// content (an .xlsx is a zip archive), not by the name alone.
internal static class ImportFile
{
    public static (ImportTable? Table, LocalizedText? Error) Read(string fileName, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, new("Filen er tom.", "The file is empty."));
        }

        if (bytes.Length > ImportLimits.MaxBytes)
        {
            return (null, TooLarge);
        }

        var builder = new ImportTableBuilder();
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return (null, new(
                "Filen er i det gamle Excel-formatet (.xls). Lagre den som Excel-arbeidsbok (.xlsx) eller CSV og last den opp igjen.",
                "The file is in the old Excel format (.xls). Save it as an Excel workbook (.xlsx) or CSV and upload it again."));
        }

        if (bytes.AsSpan().StartsWith("PK"u8))
        {
            try
            {
                ImportXlsx.Read(new MemoryStream(bytes, writable: false), builder);
            }
            catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or XmlException or InvalidOperationException or IOException or FormatException)
            {
                return (null, new(
                    "Filen kunne ikke leses som en Excel-arbeidsbok (.xlsx). Lagre den på nytt fra Excel, eller som CSV.",
                    "The file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV."));
            }
        }
        else if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new("Filen heter .xlsx, men er ikke en Excel-arbeidsbok.", "The file is named .xlsx but is not an Excel workbook."));
        }
        else
        {
            ImportCsv.Read(bytes, builder);
        }

        if (builder.TooManyRows)
        {
            return (null, TooManyRows);
        }

        var table = builder.Build();
        if (table.Headers.Count == 0)
        {
            return (null, new("Filen har ingen overskriftsrad. Første rad må navngi kolonnene.", "The file has no header row. The first row must name the columns."));
        }

        return table.Rows.Count == 0
            ? (null, new("Filen har ingen rader under overskriftene.", "The file has no rows below the headers."))
            : (table, null);
    }

    public static LocalizedText TooLarge => new(
        $"Filen er for stor. Den kan være høyst {ImportLimits.MaxMegabytes} MB.",
        $"The file is too large. It can be at most {ImportLimits.MaxMegabytes} MB.");

    public static LocalizedText TooManyRows => new(
        $"Filen har for mange rader. Den kan ha høyst {ImportLimits.MaxRows} rader under overskriftene; del den opp.",
        $"The file has too many rows. It can have at most {ImportLimits.MaxRows} rows below the headers; split it up.");
}
