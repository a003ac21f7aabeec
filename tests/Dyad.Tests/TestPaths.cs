namespace Dyad.Tests;

/// <summary>
/// Where the tests find the checkout and the shared reference data that lives beside it
/// (../shared/, never copied into the repository). DYAD_SHARED overrides the shared folder.
/// </summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("DYAD_SHARED") is { Length: > 0 } shared
            ? shared
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Reference => Path.Combine(Shared, "reference");

    public static string SeedBrief => Path.Combine(Shared, "seed", "nk-russia-brief.txt");

    /// <summary>A file under tests/Dyad.Tests/data/, copied beside the test assembly.</summary>
    public static string Data(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public static string Samples(params string[] parts) => Path.Combine([RepoRoot, "samples", .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("tests must run inside the Dyad checkout");
    }
}
