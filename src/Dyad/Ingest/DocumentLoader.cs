using Dyad.Documents;

namespace Dyad.Ingest;

/// <summary>
/// Reads files into documents, choosing the reader by extension and content. Every expected
/// failure — missing path, directory, empty, binary, undecodable, too large — comes back as a
/// <see cref="ReadResult"/> with a one-line reason; nothing here throws for bad input.
/// </summary>
public sealed class DocumentLoader
{
    /// <summary>The default size limit for one document: larger files are refused before they are read.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    private readonly long _maxBytes;

    public DocumentLoader(long maxBytes = DefaultMaxBytes) => _maxBytes = maxBytes;

    public static DocumentLoader Default { get; } = new();

    /// <summary>The size limit for one document, in bytes.</summary>
    public long MaxBytes => _maxBytes;

    /// <summary>Reads content known to be a web page (served as text/html); <paramref name="baseUrl"/> resolves its links.</summary>
    public ReadResult ReadHtml(string name, byte[] bytes, string source, Uri? baseUrl)
    {
        if (bytes.LongLength > _maxBytes) return ReadResult.Failure(source, $"content is {Megabytes(bytes.LongLength)}, larger than the {Megabytes(_maxBytes)} limit for one document");
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null && Html.HtmlCharset.Fallback(bytes) is { } fallback) decoded = new TextDecoder.Decoded(fallback, null, "latin-1");
        if (decoded.Text is null) return ReadResult.Failure(source, decoded.Error!);
        if (Html.HtmlReader.NestingEstimate(decoded.Text) > Html.HtmlReader.MaxNesting) return TooDeep(source);
        var document = Html.HtmlReader.Read(name, decoded.Text, baseUrl);
        return document.Text.Length == 0 ? ReadResult.Failure(source, "holds no body text") : ReadResult.Success(source, document);
    }

    public ReadResult ReadFile(string path, CancellationToken cancellationToken = default)
    {
        if (ReadBytes(path, out var failure) is not { } bytes) return failure!;
        cancellationToken.ThrowIfCancellationRequested();
        return Read(Path.GetFileName(path), bytes, path);
    }

    /// <summary>
    /// A file's bytes, its size checked against the limit before anything is read; null with the reason in
    /// <paramref name="failure"/> for a folder, a missing, too large or unreadable file.
    /// </summary>
    public byte[]? ReadBytes(string path, out ReadResult? failure)
    {
        failure = null;
        if (Directory.Exists(path)) failure = ReadResult.Failure(path, "is a directory, not a file");
        else if (new FileInfo(path) is var info && !info.Exists) failure = ReadResult.Failure(path, "no such file");
        else if (info.Length > _maxBytes) failure = ReadResult.Failure(path, $"file is {Megabytes(info.Length)}, larger than the {Megabytes(_maxBytes)} limit for one document");
        if (failure is not null) return null;
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = ReadResult.Failure(path, $"cannot be read: {ex.Message}");
            return null;
        }
    }

    /// <summary>Reads content already in memory; <paramref name="name"/> is the document's name (a file name).</summary>
    public ReadResult Read(string name, byte[] bytes, string? source = null)
    {
        source ??= name;
        if (bytes.LongLength > _maxBytes) return ReadResult.Failure(source, $"content is {Megabytes(bytes.LongLength)}, larger than the {Megabytes(_maxBytes)} limit for one document");
        if (Sniff.IsPdf(bytes) || name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) return Pdf.PdfReader.Read(name, bytes, source);
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null && IsHtml(name, null) && Html.HtmlCharset.Fallback(bytes) is { } fallback) decoded = new TextDecoder.Decoded(fallback, null, "latin-1");
        if (decoded.Text is null) return ReadResult.Failure(source, decoded.Error!);
        try
        {
            bool html = IsHtml(name, decoded.Text);
            if (html && Html.HtmlReader.NestingEstimate(decoded.Text) > Html.HtmlReader.MaxNesting) return TooDeep(source);
            bool markdown = !html && IsMarkdown(name, decoded.Text);
            if (markdown && MarkdownReader.NestingEstimate(decoded.Text) > MarkdownReader.MaxNesting)
                return ReadResult.Failure(source, $"nests quotes or lists more than {MarkdownReader.MaxNesting} levels deep; refused");
            var document = html ? Html.HtmlReader.Read(name, decoded.Text)
                : markdown ? MarkdownReader.Read(name, decoded.Text) : PlainTextReader.Read(name, decoded.Text);
            if (document.Text.Length == 0) return ReadResult.Failure(source, "holds no body text");
            return ReadResult.Success(source, document);
        }
        catch (InsufficientExecutionStackException)
        {
            return ReadResult.Failure(source, "is nested too deeply to read");
        }
        catch (ArgumentException ex) when (ex.TargetSite?.DeclaringType?.Assembly == typeof(Markdig.Markdown).Assembly)
        {
            // The Markdown parser refuses input past its nesting limit with an ArgumentException.
            return ReadResult.Failure(source, "is nested too deeply to read");
        }
    }

    /// <summary>An .html/.htm/.xhtml name, or content that opens with a doctype or an &lt;html&gt; tag.</summary>
    internal static bool IsHtml(string name, string? text)
    {
        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".xhtml", StringComparison.OrdinalIgnoreCase)) return true;
        if (text is null) return false;
        var head = text.AsSpan(0, Math.Min(text.Length, 512)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsMarkdown(string name, string text) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    private static ReadResult TooDeep(string source) =>
        ReadResult.Failure(source, $"is nested more than {Html.HtmlReader.MaxNesting} elements deep; refused");

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
