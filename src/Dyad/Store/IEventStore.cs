using Dyad.Documents;

namespace Dyad.Store;

/// <summary>
/// A Dyad store: documents with their sentences and citations, and the events coded from them or imported.
/// One implementation over SQLite and PostgreSQL (<see cref="EventStores.Open"/>). An instance holds one
/// connection and is not thread-safe: one writer at a time. Every write of a document is one transaction.
/// Failures the user can fix (locked, read-only, damaged, newer schema) are <see cref="StoreException"/>.
/// </summary>
public interface IEventStore : IDisposable
{
    StoreLocation Location { get; }

    /// <summary>Content hashes of every stored document, to skip reading and coding what is already there.</summary>
    IReadOnlySet<string> ContentHashes();

    /// <summary>Stores a document and its events in one transaction: all of it, or (on any failure) nothing.</summary>
    (StoreOutcome Outcome, long DocumentId) AddDocument(DocumentToStore document, IReadOnlyList<EventRow> events, string coderVersion, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every stored document.</summary>
    IReadOnlyList<StoredDocument> Documents();

    /// <summary>A stored document rebuilt from the store (text, metadata, sentences, citations, citation markers; not the offset map to the source file).</summary>
    Document LoadDocument(long id);

    /// <summary>Replaces a document's events with newly coded ones, in one transaction.</summary>
    void ReplaceEvents(long documentId, IReadOnlyList<EventRow> events, string coderVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores events that belong to no stored document (GDELT imports), in batched transactions; an event whose origin
    /// and id are already stored is skipped. Returns how many were added.
    /// </summary>
    int ImportEvents(IEnumerable<EventRow> events, CancellationToken cancellationToken = default);

    /// <summary>Events matching <paramref name="query"/>, ordered by start date (undated last) then id; <paramref name="offset"/> skips the first ones.</summary>
    IReadOnlyList<EventRow> Events(EventQuery query, int? limit = null, int offset = 0);

    /// <summary>The store's numeric ids of the events <see cref="Events"/> returns, in the same order (the GLOBALEVENTID of Dyad's events on export).</summary>
    IReadOnlyList<long> EventIds(EventQuery query, int? limit = null);

    /// <summary>Events between two actors or countries per month of their start date, either direction unless <paramref name="directed"/>.</summary>
    IReadOnlyList<MonthCount> DyadByMonth(string a, string b, bool directed = false);

    /// <summary>
    /// The events of <paramref name="query"/> counted per period of <paramref name="monthsPerPeriod"/> months (1, 3 or 12) by
    /// the store itself: an event is counted in the period that holds its whole date interval, else as too coarse or undated.
    /// </summary>
    PeriodTally CountByPeriod(EventQuery query, int monthsPerPeriod);

    StoreCounts Counts();

    /// <summary>Refreshes the query planner's statistics (and on PostgreSQL the visibility map) after a large import.</summary>
    void Optimize();
}

/// <summary>Opens stores.</summary>
public static class EventStores
{
    /// <summary>
    /// Opens (and for writing, creates and migrates) the store at <paramref name="location"/>.
    /// <paramref name="readOnly"/>: for queries and export; a missing database is an error instead of being created.
    /// </summary>
    public static IEventStore Open(StoreLocation location, bool readOnly = false, StoreOptions? options = null) =>
        SqlEventStore.Open(location, readOnly, options ?? StoreOptions.Default);
}

/// <summary>Settings of an open store.</summary>
public sealed record StoreOptions
{
    public static StoreOptions Default { get; } = new();

    /// <summary>How long to wait for a lock held by another process before giving up with a clear message.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock that stamps ingest times.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
