using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Dyad.Tests.Store;

/// <summary>
/// Ingest is atomic per document: `dyad ingest` killed with SIGKILL in the middle of 1,000 documents leaves a
/// database that opens, passes SQLite's integrity check and holds only whole documents; ingesting again completes it.
/// </summary>
public sealed class CrashTests
{
    private const int Documents = 1000;

    [Fact]
    public void Killing_ingest_mid_way_leaves_only_whole_documents()
    {
        using var db = TestDatabase.Sqlite();
        string folder = Path.Combine(db.Folder, "news");
        Directory.CreateDirectory(folder);
        for (int i = 0; i < Documents; i++) File.WriteAllText(Path.Combine(folder, $"report-{i:0000}.txt"), StoreSamples.News(i));

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "dyad.dll"), "ingest", folder, "--db", db.Location.Target }) start.ArgumentList.Add(arg);
        using (var child = Process.Start(start)!)
        {
            child.StandardOutput.ReadToEndAsync();
            child.StandardError.ReadToEndAsync();
            var watch = Stopwatch.StartNew();
            while (StoredDocuments(db.Location.Target) < 50 && !child.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(10);
            Assert.False(child.HasExited, "ingest finished before it could be killed");
            child.Kill(); // SIGKILL
            child.WaitForExit();
        }

        using (var connection = new SqliteConnection($"Data Source={db.Location.Target};Pooling=False"))
        {
            connection.Open();
            Assert.Equal("ok", Query(connection, "PRAGMA integrity_check").Single());
            var stored = Query(connection, "SELECT d.path || '|' || (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) || '|' || (SELECT count(*) FROM citations c WHERE c.doc_id = d.id) FROM documents d");
            Assert.InRange(stored.Count, 50, Documents - 1);
            foreach (var row in stored)
            {
                var parts = row.Split('|');
                var document = Dyad.Ingest.DocumentLoader.Default.ReadFile(parts[0]).Document!;
                Assert.Equal($"{parts[0]}|{document.Sentences.Length}|{document.Citations.Length}", row);
            }
            Assert.Equal(["0"], Query(connection, "SELECT count(*) FROM sentences WHERE doc_id NOT IN (SELECT id FROM documents)"));
        }

        var rest = CliRunner.Run("ingest", folder, "--db", db.Location.Target);
        Assert.Equal(0, rest.ExitCode);
        Assert.StartsWith($"ingested {Documents} files: ", rest.Output, StringComparison.Ordinal);
        var again = CliRunner.Run("ingest", folder, "--db", db.Location.Target);
        Assert.Equal($"ingested {Documents} files: 0 added, 0 new versions, {Documents} unchanged, 0 failed; 0 events", again.Output.Split('\n')[0]);
        Assert.Equal(Documents, StoredDocuments(db.Location.Target));
    }

    private static int StoredDocuments(string path)
    {
        if (!File.Exists(path)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            return int.Parse(Query(connection, "SELECT count(*) FROM documents").Single(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }
}
