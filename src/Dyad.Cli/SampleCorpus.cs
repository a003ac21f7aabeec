using System.Reflection;

namespace Dyad.Cli;

/// <summary>The sample documents bundled into the executable, so `dyad demo` needs no files.</summary>
internal static class SampleCorpus
{
    private const string Prefix = "Dyad.samples.";

    public sealed record SampleFile(string Name, byte[] Content);

    /// <summary>Every sample document (not the corpus README), by name, in a stable order.</summary>
    public static IReadOnlyList<SampleFile> Load()
    {
        var assembly = typeof(SampleCorpus).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..].Replace('\\', '/'))
            .Where(n => !n.EndsWith("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(n => new SampleFile(n, Read(assembly, Prefix + n)))
            .ToList();
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? assembly.GetManifestResourceStream(resource.Replace('/', '\\'))
            ?? throw new InvalidOperationException($"missing embedded sample {resource}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
