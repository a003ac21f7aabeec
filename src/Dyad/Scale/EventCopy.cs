using System.Globalization;
using Dyad.Store;
using Npgsql;
using NpgsqlTypes;

namespace Dyad.Scale;

/// <summary>
/// Writes coded events into the store's events, event_evidences and event_sources tables with PostgreSQL's
/// binary COPY, inside the caller's transaction. Event ids are taken from the table's own sequence first,
/// so evidences and sources can name their event without a round trip per row.
/// </summary>
internal static class EventCopy
{
    /// <summary>One document's events in the coder's order (the order is their position), with the document's store id and name.</summary>
    public sealed record DocumentEvents(long DocumentId, string DocumentName, IReadOnlyList<EventRow> Events);

    /// <summary>Writes every event; <paramref name="hidden"/> stores them superseded (staged for a re-code's switch-over). Returns how many.</summary>
    public static int Write(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<DocumentEvents> documents, string coderVersion, bool hidden)
    {
        var events = documents.SelectMany(d => d.Events.Select(r => new EventToWrite(r with { Doc = r.Doc ?? d.DocumentName }, d.DocumentId, coderVersion, hidden))).ToList();
        if (events.Count == 0) return 0;
        var ids = ReserveIds(connection, tx, events.Count);
        // The ids come first, from the table's sequence; the other columns are those every writer uses.
        Column<(long Id, EventToWrite Event)>[] columns =
            [new("id", ColumnKind.BigInt, x => x.Id), .. EventColumns.Events.Select(c => new Column<(long Id, EventToWrite Event)>(c.Name, c.Kind, x => c.Value(x.Event)))];
        Copy(connection, "events", columns, events.Select((e, i) => (ids[i], e)));
        var evidences = events.SelectMany((e, i) => EventColumns.EvidencesOf(ids[i], e.Row)).ToList();
        if (evidences.Count > 0) Copy(connection, "event_evidences", EventColumns.Evidences, evidences);
        var sources = events.SelectMany((e, i) => EventColumns.SourcesOf(ids[i], e.Row)).ToList();
        if (sources.Count > 0) Copy(connection, "event_sources", EventColumns.Sources, sources);
        return events.Count;
    }

    /// <summary>One binary COPY of <paramref name="rows"/> into <paramref name="table"/>, each value written as its column's type.</summary>
    private static void Copy<T>(NpgsqlConnection connection, string table, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        using var copy = connection.BeginBinaryImport($"COPY {table} ({EventColumns.Names(columns)}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            copy.StartRow();
            foreach (var column in columns)
            {
                switch (column.Value(row))
                {
                    case null: copy.WriteNull(); break;
                    case string text: copy.Write(text, NpgsqlDbType.Text); break;
                    case var v when column.Kind == ColumnKind.BigInt: copy.Write(Convert.ToInt64(v, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint); break;
                    case var v when column.Kind == ColumnKind.Integer: copy.Write(Convert.ToInt32(v, CultureInfo.InvariantCulture), NpgsqlDbType.Integer); break;
                    case var v: copy.Write(Convert.ToDouble(v, CultureInfo.InvariantCulture), NpgsqlDbType.Double); break;
                }
            }
        }
        copy.Complete();
    }

    private static long[] ReserveIds(NpgsqlConnection connection, NpgsqlTransaction tx, int count)
    {
        using var cmd = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, @n)", connection, tx);
        cmd.Parameters.AddWithValue("n", count);
        var ids = new long[count];
        using var reader = cmd.ExecuteReader();
        for (int i = 0; reader.Read(); i++) ids[i] = reader.GetInt64(0);
        return ids;
    }
}
