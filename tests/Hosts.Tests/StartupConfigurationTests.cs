namespace Platform.Hosts.Tests;

/// <summary>Bad configuration stops start-up with one clear line and exit code 2, never a stack trace.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("ControlPlane", "Platform.ControlPlane")]
    [InlineData("DataPlane", "Platform.DataPlane")]
    public async Task Start_UnknownDatabaseProvider_ExitsWithOneClearMessage(string project, string assembly)
    {
        using var data = new TempDataDirectory();
        var (exit, stdout, stderr) = await HostProcess.RunAsync(project, assembly,
            ["--Database:Provider=Postgres", $"--Database:DataDirectory={data.Path}", "--urls=http://127.0.0.1:0"]);

        Assert.Equal(2, exit);
        Assert.Contains("Database:Provider 'Postgres' is not supported", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("ControlPlane", "Platform.ControlPlane")]
    [InlineData("DataPlane", "Platform.DataPlane")]
    public async Task Start_SqlServerWithoutConnectionString_ExitsWithOneClearMessage(string project, string assembly)
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync(project, assembly,
            ["--urls=http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Database__Provider"] = "SqlServer", ["Database__ConnectionString"] = "" });

        Assert.Equal(2, exit);
        Assert.Contains("Database:ConnectionString is required", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_FreshDataFolder_AppliesThenReportsUpToDate()
    {
        using var data = new TempDataDirectory();
        string[] args = ["migrate", $"--Database:DataDirectory={data.Path}"];

        var first = await HostProcess.RunAsync("ControlPlane", "Platform.ControlPlane", args);
        var second = await HostProcess.RunAsync("ControlPlane", "Platform.ControlPlane", args);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"applied \d+ migration\(s\)", first.StdOut);
        Assert.True(File.Exists(Path.Combine(data.Path, "platform.db")));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_Unknown_PrintsUsageAndFails()
    {
        using var data = new TempDataDirectory();
        var (exit, _, stderr) = await HostProcess.RunAsync("ControlPlane", "Platform.ControlPlane",
            ["frobnicate", $"--Database:DataDirectory={data.Path}"]);

        Assert.Equal(64, exit);
        Assert.Contains("unknown command 'frobnicate'", stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigApply_DemoFileTwice_SecondRunChangesNothing()
    {
        using var data = new TempDataDirectory();
        var demo = Path.Combine(HostProcess.RepositoryRoot(), "config", "demo.yaml");
        var dataDir = $"--Database:DataDirectory={data.Path}";
        Assert.Equal(0, (await HostProcess.RunAsync("ControlPlane", "Platform.ControlPlane", ["migrate", dataDir])).ExitCode);

        var first = await HostProcess.RunAsync("ControlPlane", "Platform.ControlPlane", ["config", "apply", demo, "--allow-plaintext-keys", dataDir]);
        var second = await HostProcess.RunAsync("ControlPlane", "Platform.ControlPlane", ["config", "apply", demo, "--allow-plaintext-keys", dataDir]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("create tenant demo", first.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("no changes", second.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigApply_BrokenFile_PrintsLineNumberedErrorAndFails()
    {
        using var data = new TempDataDirectory();
        var dataDir = $"--Database:DataDirectory={data.Path}";
        var file = Path.Combine(data.Path, "broken.yaml");
        await File.WriteAllTextAsync(file, "version: 1\ntenants:\n  - slug: acme\n    name: Acme\n    providers:\n      - name: p\n        kind: nonsense\n        baseUrl: http://127.0.0.1:1\n");
        Assert.Equal(0, (await HostProcess.RunAsync("ControlPlane", "Platform.ControlPlane", ["migrate", dataDir])).ExitCode);

        var result = await HostProcess.RunAsync("ControlPlane", "Platform.ControlPlane", ["config", "apply", file, dataDir]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.yaml:7:", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }
}
