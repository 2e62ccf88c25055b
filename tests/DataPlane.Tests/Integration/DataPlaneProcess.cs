using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>
/// The built data plane as a process of its own, started the way run.sh starts it, so a test can
/// kill it with SIGKILL (<see cref="Process.Kill()"/> on Unix) and start it again on the same data
/// folder. Its console output is kept, one line per log entry.
/// </summary>
internal sealed partial class DataPlaneProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartedWithin = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DataPlaneProcess(string dataDirectory)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "DataPlane", "bin", BuildConfiguration(), "net10.0", "Platform.DataPlane.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add($"--Database:DataDirectory={dataDirectory}");
        start.ArgumentList.Add($"--DataPlane:PolicyPollInterval={DataPlaneHost.PollInterval}");
        start.ArgumentList.Add("--Logging:Console:FormatterOptions:SingleLine=true");
        start.ArgumentList.Add("--Logging:Console:FormatterOptions:IncludeScopes=false");
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The data plane exited during start-up:\n" + string.Join('\n', _output)));
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int Id => _process.Id;

    public IEnumerable<string> Output => _output;

    public static async Task<DataPlaneProcess> StartAsync(string dataDirectory)
    {
        var dataPlane = new DataPlaneProcess(dataDirectory);
        dataPlane._process.Start();
        dataPlane._process.BeginOutputReadLine();
        dataPlane._process.BeginErrorReadLine();
        try
        {
            dataPlane.BaseAddress = await dataPlane._listening.Task.WaitAsync(StartedWithin);
        }
        catch
        {
            await dataPlane.DisposeAsync();
            throw;
        }

        return dataPlane;
    }

    /// <summary>SIGKILL on Unix: no shutdown code of the data plane runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    /// <summary>Debug or Release: the one these tests were built in, which built the data plane too.</summary>
    private static string BuildConfiguration() =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
