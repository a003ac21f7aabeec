using System.Text.RegularExpressions;

namespace Dyad.Store;

/// <summary>
/// Expands command-line inputs into files: a file or an http(s) URL as is, a folder into the documents under
/// it (recursively, by extension: text, Markdown, HTML, PDF, RSS and Atom), a glob (*, ?, ** for any depth)
/// into its matches. Inputs that match nothing are reported.
/// </summary>
public static class InputFiles
{
    private static readonly HashSet<string> DocumentExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".rss", ".atom" };

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Errors) Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var input in inputs)
        {
            // An http(s) URL is read as it is named.
            if (Dyad.Ingest.Web.WebFetcher.IsWebUrl(input))
            {
                if (seen.Add(input)) files.Add(input);
                continue;
            }
            var matches = Match(input);
            if (matches.Count == 0) errors.Add($"{input}: no such file, folder or matching documents");
            foreach (var file in matches)
            {
                if (seen.Add(file)) files.Add(file);
            }
        }
        return (files, errors);
    }

    private static List<string> Match(string input)
    {
        if (File.Exists(input)) return [Path.GetFullPath(input)];
        if (Directory.Exists(input))
        {
            return Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => DocumentExtensions.Contains(Path.GetExtension(f)) && !IsHidden(Path.GetRelativePath(input, f)))
                .Select(Path.GetFullPath)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        if (input.IndexOfAny(['*', '?']) < 0) return [];
        // The folder part before the first wildcard is the root; the rest is matched against relative paths.
        string normalized = input.Replace('\\', '/');
        int wildcard = normalized.IndexOfAny(['*', '?']);
        int slash = normalized.LastIndexOf('/', wildcard);
        string root = slash < 0 ? "." : normalized[..slash] is { Length: > 0 } r ? r : "/";
        string pattern = slash < 0 ? normalized : normalized[(slash + 1)..];
        if (!Directory.Exists(root)) return [];
        var regex = new Regex("^" + GlobToRegex(pattern) + "$", RegexOptions.CultureInvariant);
        var option = pattern.Contains('/', StringComparison.Ordinal) || pattern.Contains("**", StringComparison.Ordinal) ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        return Directory.EnumerateFiles(root, "*", option)
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string GlobToRegex(string pattern)
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a bare "**" anything.
                if (i + 2 < pattern.Length && pattern[i + 2] == '/') { builder.Append("(?:.*/)?"); i += 2; }
                else { builder.Append(".*"); i++; }
            }
            else if (c == '*') builder.Append("[^/]*");
            else if (c == '?') builder.Append("[^/]");
            else builder.Append(Regex.Escape(c.ToString()));
        }
        return builder.ToString();
    }

    private static bool IsHidden(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(p => p.StartsWith('.'));
}
