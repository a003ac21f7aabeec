namespace Dyad.Cli.Commands;

/// <summary>Where the checkout and the shared reference data beside it are (DYAD_SHARED overrides the shared folder).</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Dyad.slnx, searched upward from the working directory and then from the executable.</summary>
    public static string? FindRoot()
    {
        foreach (var startAt in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var dir = new DirectoryInfo(startAt);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) dir = dir.Parent;
            if (dir is not null) return dir.FullName;
        }
        return null;
    }

    public static string? Shared()
    {
        if (Environment.GetEnvironmentVariable("DYAD_SHARED") is { Length: > 0 } shared) return shared;
        return FindRoot() is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared")) : null;
    }

    public static string? Reference(params string[] parts) =>
        Shared() is { } shared ? Path.Combine([shared, "reference", .. parts]) : null;
}
