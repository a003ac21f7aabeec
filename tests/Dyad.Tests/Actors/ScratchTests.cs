namespace Dyad.Tests.Actors;

public class ScratchTests
{
    [Fact]
    public void Scratch()
    {
        var result = CliRunner.Run("actors", TestPaths.SeedBrief, "--dct", "2023-10-10");
        File.WriteAllText("/tmp/actors-out.txt", result.Output + "\n---\n" + result.Error);
    }
}
