using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Dyad.Store;

/// <summary>
/// Expands command-line inputs into files: a file or an http(s) URL as is, a folder into the documents under
/// it (recursively, by extension: text, Markdown, HTML, PDF, RSS and Atom), a glob (*, ?, ** for any depth)
/// into its matches. Inputs that match nothing are reported. Links to folders met while walking are not
/// followed unless asked (<c>followLinks</c>); when they are, a folder already on the walk (same device and
/// inode) is not entered again, so a link to an ancestor ends. Each link left out is reported in one line.
/// </summary>
public static class InputFiles
{
    private static readonly HashSet<string> DocumentExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".rss", ".atom" };

    /// <summary>The files, the inputs that matched nothing, and what the walk left out (links, unreadable folders).</summary>
    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<string> Errors, IReadOnlyList<string> Skipped);

    public static Expansion Expand(IEnumerable<string> inputs, bool followLinks = false)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        var skipped = new List<string>();
        foreach (var input in inputs)
        {
            // An http(s) URL is read as it is named.
            if (Dyad.Ingest.Web.WebFetcher.IsWebUrl(input))
            {
                if (seen.Add(input)) files.Add(input);
                continue;
            }
            var matches = Match(input, followLinks, skipped);
            if (matches.Count == 0) errors.Add($"{input}: no such file, folder or matching documents");
            foreach (var file in matches)
            {
                if (seen.Add(file)) files.Add(file);
            }
        }
        return new Expansion(files, errors, skipped);
    }

    private static List<string> Match(string input, bool followLinks, List<string> skipped)
    {
        if (File.Exists(input)) return [Path.GetFullPath(input)];
        if (Directory.Exists(input))
        {
            return Walk(input, recursive: true, followLinks, skipped)
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
        bool recursive = pattern.Contains('/', StringComparison.Ordinal) || pattern.Contains("**", StringComparison.Ordinal);
        return Walk(root, recursive, followLinks, skipped)
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The files under <paramref name="root"/> (itself followed even when it is a link: the user named it). Links to
    /// folders below it are reported and left out, or with <paramref name="followLinks"/> entered unless they lead
    /// to a folder this walk has already entered.
    /// </summary>
    private static List<string> Walk(string root, bool recursive, bool followLinks, List<string> skipped)
    {
        var files = new List<string>();
        var entered = new HashSet<string>(StringComparer.Ordinal) { FolderId(root) };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                skipped.Add($"{folder}: folder not read ({ex.Message})");
                continue;
            }
            foreach (var entry in entries)
            {
                bool isLink = entry.LinkTarget is not null;
                if (entry is FileInfo)
                {
                    // A link to a file is read as the file; a dangling link is left out.
                    if (!isLink || File.Exists(entry.FullName)) files.Add(Path.Join(folder, entry.Name));
                    continue;
                }
                if (!recursive) continue;
                string path = Path.Join(folder, entry.Name);
                if (isLink && !Directory.Exists(path)) continue;
                if (isLink && !followLinks)
                {
                    skipped.Add($"{path}: link to a folder not followed (--follow-links follows it)");
                    continue;
                }
                if (!entered.Add(FolderId(path)))
                {
                    skipped.Add($"{path}: link to a folder already read, not followed again");
                    continue;
                }
                pending.Push(path);
            }
        }
        return files;
    }

    /// <summary>
    /// What tells two folders apart: device and inode where the system tells them (Linux), otherwise the full path
    /// with a final link resolved.
    /// </summary>
    private static string FolderId(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            try
            {
                // statx(2) has one layout on every Linux architecture: stx_ino at byte 32, stx_dev_major and stx_dev_minor at 136 and 140.
                if (Native.Statx(-100 /* AT_FDCWD */, path, 0, 0x100 /* STATX_INO */, buffer) == 0)
                {
                    return $"{BitConverter.ToUInt32(buffer, 136)}:{BitConverter.ToUInt32(buffer, 140)}:{BitConverter.ToUInt64(buffer, 32)}";
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // An old C library without statx: fall back on the path.
            }
        }
        return Path.GetFullPath(Directory.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path);
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
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
