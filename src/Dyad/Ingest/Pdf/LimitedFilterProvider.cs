using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Dyad.Ingest.Pdf;

/// <summary>A PDF stream that would inflate past the size limit (a decompression bomb).</summary>
internal sealed class StreamTooLargeException(long limit)
    : Exception($"has a compressed stream that inflates past {limit / 1024 / 1024} MB; refused as a decompression bomb");

/// <summary>
/// The parser's filters, with Flate streams measured before they are inflated: one whose output
/// would pass the limit is refused instead of exhausting memory.
/// </summary>
internal sealed class LimitedFilterProvider(long maxBytes) : IFilterProvider
{
    private static readonly IFilterProvider Inner = DefaultFilterProvider.Instance;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Inner.GetFilters(dictionary).Select(Wrap).ToList();

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Inner.GetNamedFilters(names).Select(Wrap).ToList();

    public IReadOnlyList<IFilter> GetAllFilters() => Inner.GetAllFilters().Select(Wrap).ToList();

    private IFilter Wrap(IFilter filter) => filter is FlateFilter ? new Measured(filter, maxBytes) : filter;

    private sealed class Measured(IFilter inner, long maxBytes) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (InflatedLength(input, maxBytes) > maxBytes) throw new StreamTooLargeException(maxBytes);
            return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        }

        /// <summary>How many bytes the zlib data inflates to, counting no further than just past the limit.</summary>
        private static long InflatedLength(Memory<byte> input, long limit)
        {
            try
            {
                using var source = new MemoryStream(input.ToArray(), writable: false);
                using var zlib = new ZLibStream(source, CompressionMode.Decompress);
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > limit) return total;
                }
                return total;
            }
            catch (InvalidDataException)
            {
                // Damaged or raw deflate data: the inner filter decides what to make of it.
                return 0;
            }
        }
    }
}
