using Dyad.Analysis;

namespace Dyad.Tests.Analysis;

/// <summary>`dyad brief --out FILE.docx` and `--out FILE.pdf`: the Word document read back with the library that wrote it; PDF without Chromium.</summary>
public sealed class BriefFormatTests : IDisposable
{
    private readonly AnalysisCorpus.TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Without_chromium_the_pdf_brief_is_one_clear_line()
    {
        var brief = Brief.Build(AnalysisCorpus.Build().Events, DyadPair.Create("IRN", "SAU").Pair!);
        string pdf = Path.Combine(_store.Dir, "brief.pdf");
        string missing = Path.Combine(_store.Dir, "no-chromium");
        Assert.Equal($"PDF needs headless Chromium, not found at {missing} (install the chromium package or set DYAD_CHROMIUM to its path)",
            BriefPdf.Save(brief, pdf, chromium: missing));
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public void The_pdf_command_says_what_is_missing_or_writes_the_pdf()
    {
        string pdf = Path.Combine(_store.Dir, "brief.pdf");
        var result = CliRunner.Run("brief", "IRN", "SAU", "--out", pdf, "--db", _store.Path);
        if (File.Exists(BriefPdf.ChromiumPath))
        {
            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("%PDF-", File.ReadAllText(pdf, System.Text.Encoding.Latin1), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"dyad: --out {pdf}: PDF needs headless Chromium, not found at {BriefPdf.ChromiumPath} (install the chromium package or set DYAD_CHROMIUM to its path)\n", result.Error);
            Assert.False(File.Exists(pdf));
        }
    }
}
