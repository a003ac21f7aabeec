namespace Dyad.Tests.Actors;

public class ScratchTests
{
    [Fact]
    public void Scratch()
    {
        var result = CliRunner.Run("eval", "actors", "--errors");
        File.WriteAllText("/tmp/actors-eval.txt", result.Output + "\n---\n" + result.Error);
    }
}
