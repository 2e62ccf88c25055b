using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Platform.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*'</c>; add <c>--job short</c> for a quick
/// run. Every BenchmarkDotNet command-line option works (<c>--list flat</c>, <c>--filter '*Routing*'</c>, ...).
/// Results go to tests/Benchmarks/BenchmarkDotNet.Artifacts (git-ignored) unless <c>--artifacts</c> says otherwise.
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(ProjectDirectory(), "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    /// <summary>The folder of this project (BenchmarkDotNet's child processes run from deep inside bin/).</summary>
    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.Benchmarks.csproj")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
