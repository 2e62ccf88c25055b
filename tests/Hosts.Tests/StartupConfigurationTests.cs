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
}
