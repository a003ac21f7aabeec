using System.Diagnostics;

namespace Dyad.Analysis;

/// <summary>
/// A brief as PDF: its HTML page (<see cref="BriefHtml"/>) printed by headless Chromium, found at
/// <c>$DYAD_CHROMIUM</c> or <c>/usr/bin/chromium</c>. Without Chromium the brief is not written and the reason says so.
/// </summary>
public static class BriefPdf
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>The Chromium executable to use: <c>$DYAD_CHROMIUM</c> when set, else <see cref="DefaultChromium"/>.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("DYAD_CHROMIUM") is { Length: > 0 } custom ? custom : DefaultChromium;

    /// <summary>Writes the brief as a PDF to <paramref name="path"/>; null, or one line saying why it could not.</summary>
    public static string? Save(Brief brief, string path, BriefWriting? writing = null, string? chromium = null, CancellationToken cancellationToken = default)
    {
        chromium ??= ChromiumPath;
        if (!File.Exists(chromium))
        {
            return $"PDF needs headless Chromium, not found at {chromium} (install the chromium package or set DYAD_CHROMIUM to its path)";
        }
        string work = Path.Combine(Path.GetTempPath(), "dyad-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string html = Path.Combine(work, "brief.html");
            File.WriteAllText(html, BriefHtml.Render(brief, writing));
            string output = Path.GetFullPath(path);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in (string[])[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(work, "profile")}",
                $"--print-to-pdf={output}", new Uri(html).AbsoluteUri])
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start);
            if (process is null) return $"could not start {chromium}";
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                return $"{chromium} did not print the brief within 120 seconds";
            }
            _ = stdout.Result;
            string errors = stderr.Result;
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                string last = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
                return $"{chromium} failed to print the brief (exit code {process.ExitCode}){(last.Length > 0 ? ": " + last : "")}";
            }
            return null;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
