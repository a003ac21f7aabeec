using System.Text.Json;

namespace Dyad.Tests.Cli;

/// <summary>Issue 18, item 14: the runtime settings chosen by measurement are those the `dyad` executable starts with.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void Issue18_dyad_starts_without_profile_guided_tiering_and_with_tiered_compilation()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dyad.runtimeconfig.json")));
        var options = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(options.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.False(options.TryGetProperty("System.Runtime.TieredCompilation", out _));
    }
}
