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
    private const string EventColumns =
        "id, event_key, doc_id, doc, origin, coder_version, superseded, date_start, date_end, date_month, date_value, date_text, date_precision, " +
        "source_text, source_actor, source_country, target_text, target_actor, target_country, cameo, root, label, goldstein, quad_class, " +
        "plover, plover_mode, modality, location_text, location_country, evidence_sentence, evidence_start, evidence_end, confidence";

    /// <summary>One document's events in the coder's order (the order is their position), with the document's store id and name.</summary>
    public sealed record DocumentEvents(long DocumentId, string DocumentName, IReadOnlyList<EventRow> Events);

    /// <summary>Writes every event; <paramref name="hidden"/> stores them superseded (staged for a re-code's switch-over). Returns how many.</summary>
    public static int Write(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<DocumentEvents> documents, string coderVersion, bool hidden)
    {
        int total = documents.Sum(d => d.Events.Count);
        if (total == 0) return 0;
        var ids = ReserveIds(connection, tx, total);
        int next = 0;
        using (var copy = connection.BeginBinaryImport($"COPY events ({EventColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in documents)
            {
                foreach (var r in d.Events)
                {
                    copy.StartRow();
                    copy.Write(ids[next++], NpgsqlDbType.Bigint);
                    Text(copy, r.Id);
                    copy.Write(d.DocumentId, NpgsqlDbType.Bigint);
                    Text(copy, r.Doc ?? d.DocumentName);
                    Text(copy, "dyad");
                    Text(copy, coderVersion);
                    copy.Write(hidden ? 1 : 0, NpgsqlDbType.Integer);
                    Text(copy, Iso(r.DateStart)); Text(copy, Iso(r.DateEnd)); Text(copy, r.DateMonth); Text(copy, r.DateValue); Text(copy, r.DateText); Text(copy, r.DatePrecision);
                    Text(copy, r.SourceText); Text(copy, r.SourceActor); Text(copy, r.SourceCountry);
                    Text(copy, r.TargetText); Text(copy, r.TargetActor); Text(copy, r.TargetCountry);
                    Text(copy, r.Cameo); Text(copy, r.Root); Text(copy, r.Label);
                    Double(copy, r.Goldstein);
                    Int(copy, r.QuadClass);
                    Text(copy, r.Plover); Text(copy, r.PloverMode); Text(copy, r.Modality);
                    Text(copy, r.LocationText); Text(copy, r.LocationCountry);
                    Text(copy, r.EvidenceSentence); Int(copy, r.EvidenceStart); Int(copy, r.EvidenceEnd);
                    Double(copy, r.Confidence);
                }
            }
            copy.Complete();
        }
        if (documents.Any(d => d.Events.Any(e => !e.Evidences.IsEmpty)))
        {
            next = 0;
            using var copy = connection.BeginBinaryImport("COPY event_evidences (event_id, ordinal, doc, sentence, start_offset, end_offset) FROM STDIN (FORMAT BINARY)");
            foreach (var r in documents.SelectMany(d => d.Events))
            {
                long id = ids[next++];
                for (int i = 0; i < r.Evidences.Length; i++)
                {
                    var e = r.Evidences[i];
                    copy.StartRow();
                    copy.Write(id, NpgsqlDbType.Bigint); copy.Write(i, NpgsqlDbType.Integer); Text(copy, e.Doc); Text(copy, e.Sentence);
                    copy.Write(e.Start, NpgsqlDbType.Integer); copy.Write(e.End, NpgsqlDbType.Integer);
                }
            }
            copy.Complete();
        }
        if (documents.Any(d => d.Events.Any(e => !e.Citations.IsEmpty)))
        {
            next = 0;
            using var copy = connection.BeginBinaryImport("COPY event_sources (event_id, ordinal, marker, outlet, title, date, url) FROM STDIN (FORMAT BINARY)");
            foreach (var r in documents.SelectMany(d => d.Events))
            {
                long id = ids[next++];
                for (int i = 0; i < r.Citations.Length; i++)
                {
                    var c = r.Citations[i];
                    copy.StartRow();
                    copy.Write(id, NpgsqlDbType.Bigint); copy.Write(i, NpgsqlDbType.Integer);
                    Text(copy, c.Marker); Text(copy, c.Outlet); Text(copy, c.Title); Text(copy, Iso(c.Date)); Text(copy, c.Url);
                }
            }
            copy.Complete();
        }
        return total;
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

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    private static void Int(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Integer);
        else copy.WriteNull();
    }

    private static void Double(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Double);
        else copy.WriteNull();
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
