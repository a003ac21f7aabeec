namespace Dyad.Bench;

/// <summary>Text to measure with: every file under samples/, concatenated and repeated to about 4 MB.</summary>
internal static class SampleText
{
    public static string Load(int targetChars = 4_000_000)
    {
        string root = FindRoot();
        var parts = Directory.EnumerateFiles(Path.Combine(root, "samples"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        if (parts.Count == 0) throw new InvalidOperationException("no sample documents under samples/");
        var builder = new System.Text.StringBuilder();
        while (builder.Length < targetChars)
        {
            foreach (var part in parts) builder.Append(part).Append("\n\n");
        }
        return builder.ToString();
    }

    public static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the Dyad checkout");
    }
}
