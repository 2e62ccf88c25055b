using Microsoft.Playwright;

namespace Platform.Dashboard.Tests.EndToEnd;

/// <summary>
/// Saves full-page screenshots as test artifacts under <c>TestResults/screenshots</c> at the
/// repository root (git-ignored; test.sh empties TestResults at the start of a run).
/// </summary>
internal sealed class Screenshots(string prefix)
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task<string> TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{prefix}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file,
            FullPage = true,

            // Transitions (a drawer sliding shut, a field's underline) finish first, so the picture shows the settled page.
            Animations = ScreenshotAnimations.Disabled,
        });
        return file;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Path.GetTempPath();
    }
}
