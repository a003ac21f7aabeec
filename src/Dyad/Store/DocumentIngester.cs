using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Dyad.Ingest;

namespace Dyad.Store;

/// <summary>Progress of an ingest or recode: documents done out of the total.</summary>
public sealed record IngestProgress(int Done, int Total, string Current);

/// <summary>A file that could not be ingested and why.</summary>
public sealed record IngestFailure(string Path, string Reason);

/// <summary>What an ingest did.</summary>
public sealed record IngestSummary(int Files, int Added, int NewVersions, int Unchanged, int Events, IReadOnlyList<IngestFailure> Failures, TimeSpan Elapsed)
{
    public int Failed => Failures.Count;
}

/// <summary>What a recode did.</summary>
public sealed record RecodeSummary(int Documents, int Recoded, int UpToDate, int Events, TimeSpan Elapsed);

/// <summary>
/// Reads, codes and stores documents: reading and coding run in parallel over the cores, one writer stores
/// each document in its own transaction, so an interrupted ingest leaves every document whole or absent.
/// Content already stored (by hash), or met earlier in the same run, is neither parsed nor coded again.
/// </summary>
public sealed class DocumentIngester
{
    private readonly IEventStore _store;
    private readonly IDocumentCoder _coder;
    private readonly DocumentLoader _loader;
    private readonly SourceReader _sources;
    private readonly int _parallelism;

    /// <param name="sources">Reads URLs and feeds (a feed is one document per item); without a web fetcher, URLs are refused.</param>
    public DocumentIngester(IEventStore store, IDocumentCoder coder, DocumentLoader? loader = null, int? parallelism = null, SourceReader? sources = null)
    {
        _store = store;
        _coder = coder;
        _loader = loader ?? DocumentLoader.Default;
        _sources = sources ?? new SourceReader(_loader);
        _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    }

    private abstract record Prepared(string Path);
    private sealed record Known(string Path) : Prepared(Path);
    private sealed record Failed(string Path, string Reason, string? Hash = null) : Prepared(Path);
    private sealed record Coded(string Path, DocumentToStore Document, IReadOnlyList<EventRow> Events) : Prepared(Path);
    /// <summary>Content another input of the same run has already taken: neither read nor coded, and it ends as that input does.</summary>
    private sealed record Repeated(string Path, string Hash) : Prepared(Path);

    public IngestSummary Ingest(IReadOnlyList<string> files, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var known = _store.ContentHashes();
        // Content taken by an input of this run: the first to hash it reads and codes it, the others wait for its outcome.
        var taken = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var channel = Channel.CreateBounded<IReadOnlyList<Prepared>>(new BoundedChannelOptions(_parallelism * 4) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = stop.Token },
                    async (path, token) => await channel.Writer.WriteAsync(Prepare(path, known, taken, token), token).ConfigureAwait(false)).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        int added = 0, versions = 0, unchanged = 0, events = 0, done = 0;
        var failures = new List<IngestFailure>();
        var repeated = new List<Repeated>();
        var failedContent = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var batch in channel.Reader.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable(CancellationToken.None))
            {
                foreach (var item in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    switch (item)
                    {
                        case Known:
                            unchanged++;
                            break;
                        case Failed f:
                            failures.Add(new IngestFailure(f.Path, f.Reason));
                            if (f.Hash is not null) failedContent[f.Hash] = f.Reason;
                            break;
                        case Repeated r:
                            repeated.Add(r);
                            break;
                        case Coded c:
                            var (outcome, _) = _store.AddDocument(c.Document, c.Events, _coder.Version, cancellationToken);
                            if (outcome == StoreOutcome.Unchanged) unchanged++;
                            else
                            {
                                if (outcome == StoreOutcome.Added) added++; else versions++;
                                events += c.Events.Count;
                            }
                            break;
                    }
                }
                progress?.Report(new IngestProgress(++done, files.Count, batch.Count > 0 ? batch[0].Path : ""));
            }
            // Every first copy has ended by now: a repeat fails as its first copy did, else it is unchanged.
            foreach (var r in repeated)
            {
                if (failedContent.TryGetValue(r.Hash, out var reason)) failures.Add(new IngestFailure(r.Path, reason));
                else unchanged++;
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The producer ends with the cancellation requested above; its errors surface through the channel.
            }
        }
        return new IngestSummary(files.Count, added, versions, unchanged, events, failures, watch.Elapsed);
    }

    private IReadOnlyList<Prepared> Prepare(string path, IReadOnlySet<string> known, ConcurrentDictionary<string, bool> taken, CancellationToken cancellationToken)
    {
        if (!SourceReader.IsUrlOrFeed(path)) return [PrepareFile(path, known, taken, cancellationToken)];
        // A URL or a feed: each document it yields is stored by the hash of its text.
        var prepared = new List<Prepared>();
        foreach (var result in _sources.ReadAsync(path, cancellationToken).ToBlockingEnumerable(cancellationToken))
        {
            if (result.Document is not { } document)
            {
                prepared.Add(new Failed(result.Source, result.Error!));
                continue;
            }
            string hash = DocumentToStore.Hash(System.Text.Encoding.UTF8.GetBytes(document.Text));
            if (known.Contains(hash))
            {
                prepared.Add(new Known(result.Source));
                continue;
            }
            if (!taken.TryAdd(hash, true))
            {
                prepared.Add(new Repeated(result.Source, hash));
                continue;
            }
            prepared.Add(new Coded(result.Source, new DocumentToStore(document, result.Source, hash), _coder.Code(document, cancellationToken)));
        }
        return prepared;
    }

    private Prepared PrepareFile(string path, IReadOnlySet<string> known, ConcurrentDictionary<string, bool> taken, CancellationToken cancellationToken)
    {
        // The size is checked before the file is read: a file over the limit is never loaded.
        if (_loader.ReadBytes(path, out var failure) is not { } bytes) return new Failed(path, failure!.Error!);
        string hash = DocumentToStore.Hash(bytes);
        if (known.Contains(hash)) return new Known(path);
        if (!taken.TryAdd(hash, true)) return new Repeated(path, hash);
        var result = _loader.Read(Path.GetFileName(path), bytes, path);
        if (result.Document is not { } document) return new Failed(path, result.Error!, hash);
        var rows = _coder.Code(document, cancellationToken);
        return new Coded(path, new DocumentToStore(document, path, hash), rows);
    }

    /// <summary>Re-codes every stored document whose events came from another coder version, one transaction per document.</summary>
    public RecodeSummary Recode(IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var documents = _store.Documents();
        var stale = documents.Where(d => d.CoderVersion != _coder.Version).ToList();
        int events = 0, done = 0;
        foreach (var stored in stale)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = _store.LoadDocument(stored.Id);
            var rows = _coder.Code(document, cancellationToken);
            _store.ReplaceEvents(stored.Id, rows, _coder.Version, cancellationToken);
            events += rows.Count;
            progress?.Report(new IngestProgress(++done, stale.Count, stored.Name));
        }
        return new RecodeSummary(documents.Count, stale.Count, documents.Count - stale.Count, events, watch.Elapsed);
    }
}
