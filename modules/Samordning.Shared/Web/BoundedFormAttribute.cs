using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Samordning.Shared.Web;

/// <summary>
/// Reads a page's multipart form itself, streaming, before anti-forgery and model binding, so that a file over the
/// limit never costs the person the form: the text fields bind as usual, and a file larger than
/// <c>maxFileBytes</c> is measured, not kept, and reaches the page as a file whose length is over the limit, so the
/// page's own size rule names the limit beside the file field. The body stays bounded: the rest of an oversized
/// file is read and discarded up to <c>maxBodyBytes</c> (so the browser gets the answer after sending), and past
/// that reading stops, keeping the fields that came before the file.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BoundedFormAttribute(long maxFileBytes, long maxBodyBytes) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    private const long MaxTextBytes = 1024 * 1024;

    /// <summary>Before RequestSizeLimit (-2000) and the anti-forgery check, which would otherwise read the form.</summary>
    public int Order => -3000;

    /// <inheritdoc />
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return;
        }

        // The server's own limit a little above ours, so that ours decides and the form survives.
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBodyBytes + (64 * 1024);
        }

        var form = await ReadAsync(new CappedStream(request.Body, maxBodyBytes), boundary, context.HttpContext.RequestAborted);
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(form));
    }

    private async Task<FormCollection> ReadAsync(CappedStream body, string boundary, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var files = new FormFileCollection();
        var reader = new MultipartReader(boundary, body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        long textBytes = 0;
        (string Name, string FileName)? reading = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    reading = (name, HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "");
                    files.Add(await ReadFileAsync(section, reading.Value.Name, reading.Value.FileName, cancellationToken));
                    reading = null;
                }
                else if (disposition.IsFormDisposition())
                {
                    using var text = new StreamReader(section.Body);
                    var value = await text.ReadToEndAsync(cancellationToken);
                    textBytes += value.Length;
                    if (textBytes > MaxTextBytes)
                    {
                        break;
                    }

                    fields[name] = StringValues.Concat(fields.GetValueOrDefault(name), value);
                }
            }
        }
        catch (CappedStream.OverCapException)
        {
            // Past the cap: what was read so far is the form; an unfinished file counts as too large.
            if (reading is { } file)
            {
                files.Add(Oversized(file.Name, file.FileName));
            }
        }

        return new FormCollection(fields, files);
    }

    private async Task<IFormFile> ReadFileAsync(MultipartSection section, string name, string fileName, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var copied = await CopyUpToAsync(section.Body, buffer, maxFileBytes + 1, cancellationToken);
        if (copied <= maxFileBytes)
        {
            buffer.Position = 0;
            return new FormFile(buffer, 0, copied, name, fileName) { Headers = new HeaderDictionary(), ContentType = section.ContentType ?? "application/octet-stream" };
        }

        await section.Body.CopyToAsync(Stream.Null, cancellationToken);
        return Oversized(name, fileName);
    }

    // Its length says it is over the limit; its content is not kept (and is never read: the size rule refuses it first).
    private FormFile Oversized(string name, string fileName) =>
        new FormFile(Stream.Null, 0, maxFileBytes + 1, name, fileName) { Headers = new HeaderDictionary(), ContentType = "application/octet-stream" };

    private static async Task<long> CopyUpToAsync(Stream source, Stream target, long max, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total < max && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - total)), cancellationToken)) > 0)
        {
            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            total += read;
        }

        return total;
    }
}

// The request body, read no further than the cap: past it, reading throws, which the form reader takes as its end.
internal sealed class CappedStream(Stream inner, long cap) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= cap)
        {
            throw new OverCapException();
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, cap - position + 1)], cancellationToken);
        position += read;
        return position > cap ? throw new OverCapException() : read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The form is read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public sealed class OverCapException : Exception
    {
        public OverCapException()
            : base("The request body is over the form's limit.")
        {
        }
    }
}
