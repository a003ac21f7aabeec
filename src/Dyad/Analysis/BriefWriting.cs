using System.Collections.Immutable;

namespace Dyad.Analysis;

/// <summary>The sections a brief can hold, by id, in their default order.</summary>
public static class BriefSections
{
    public const string Latest = "latest", Background = "background", Trajectory = "trajectory", ThirdParties = "third-parties", Outlook = "outlook", Figures = "figures";

    public static ImmutableArray<string> All { get; } = [Latest, Background, Trajectory, ThirdParties, Outlook, Figures];

    /// <summary>The share of the words each prose section gets.</summary>
    internal static double Share(string id) => id switch
    {
        Latest => 0.30,
        Background => 0.30,
        Trajectory => 0.20,
        ThirdParties => 0.08,
        Outlook => 0.12,
        _ => 0,
    };

    /// <summary>Sections from a comma-separated list ("latest,outlook"); an error naming the unknown id otherwise.</summary>
    public static (ImmutableArray<string> Sections, string? Error) Parse(string text)
    {
        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToList();
        if (ids.Count == 0) return ([], "--sections needs at least one of " + string.Join(", ", All));
        foreach (string id in ids)
        {
            if (!All.Contains(id)) return ([], $"--sections: '{id}' is not a section (one of {string.Join(", ", All)})");
        }
        return ([.. ids.Distinct()], null);
    }
}

/// <summary>How a brief is written: about how many words of prose, and which sections in which order.</summary>
public sealed record BriefWriting
{
    public static BriefWriting Default { get; } = new();

    public int Words { get; init; } = 1500;

    public ImmutableArray<string> Sections { get; init; } = BriefSections.All;
}
