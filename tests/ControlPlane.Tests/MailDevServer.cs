using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Platform.ControlPlane.Tests;

/// <summary>
/// maildev (npm) on free loopback ports: a real SMTP server, whose web port lists what it
/// received as JSON (<c>GET /email</c>). test.sh installs it under <c>.tools/maildev</c> and exports
/// <c>MAILDEV_BIN</c>; without that variable the same path is looked up from the repository root.
/// </summary>
public sealed class MailDevServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _directory;
    private readonly HttpClient _web;

    private MailDevServer(Process process, StringBuilder output, string directory, int smtpPort, int webPort)
    {
        _process = process;
        _output = output;
        _directory = directory;
        SmtpPort = smtpPort;
        _web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }

    public static async Task<MailDevServer> StartAsync()
    {
        var bin = FindBin();
        var (smtpPort, webPort) = (FreePort(), FreePort());
        var directory = Path.Combine(Path.GetTempPath(), "platform-tests", "maildev-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            bin, "--smtp", smtpPort.ToString(), "--web", webPort.ToString(), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
            "--mail-directory", directory,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MailDevServer(process, output, directory, smtpPort, webPort);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>The first mail to <paramref name="address"/>; SMTP's final reply can come before maildev has stored the mail, so this waits, up to 20 s.</summary>
    public async Task<JsonElement> WaitForMailToAsync(string address)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            using var mails = JsonDocument.Parse(await _web.GetStringAsync("email"));
            foreach (var mail in mails.RootElement.EnumerateArray())
            {
                if (mail.GetProperty("to").EnumerateArray().Any(to => string.Equals(to.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
                {
                    return mail.Clone();
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail to {address} reached maildev. Its output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every mail maildev holds for <paramref name="address"/> now, in the order it received them.</summary>
    public async Task<IReadOnlyList<JsonElement>> MailsToAsync(string address)
    {
        using var mails = JsonDocument.Parse(await _web.GetStringAsync("email"));
        return [.. mails.RootElement.EnumerateArray()
            .Where(mail => mail.GetProperty("to").EnumerateArray()
                .Any(to => string.Equals(to.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
            .Select(mail => mail.Clone())];
    }

    /// <summary>The bytes of one attachment of <paramref name="mail"/>, by the <c>generatedFileName</c> maildev lists for it.</summary>
    public Task<byte[]> AttachmentAsync(JsonElement mail, string generatedFileName) =>
        _web.GetByteArrayAsync($"email/{mail.GetProperty("id").GetString()}/attachment/{Uri.EscapeDataString(generatedFileName)}");

    /// <summary>How many mails maildev holds for <paramref name="address"/> now.</summary>
    public async Task<int> CountMailsToAsync(string address)
    {
        using var mails = JsonDocument.Parse(await _web.GetStringAsync("email"));
        return mails.RootElement.EnumerateArray().Count(mail => mail.GetProperty("to").EnumerateArray()
            .Any(to => string.Equals(to.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)));
    }

    public async ValueTask DisposeAsync()
    {
        _web.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited with code {_process.ExitCode}:\n{Output}");
            }

            if (await RespondsAsync() && await SmtpAcceptsAsync())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"maildev did not listen within {StartTimeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    private async Task<bool> RespondsAsync()
    {
        try
        {
            using var response = await _web.GetAsync("email");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<bool> SmtpAcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, SmtpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBin()
    {
        if (Environment.GetEnvironmentVariable("MAILDEV_BIN") is { Length: > 0 } fromEnvironment)
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new InvalidOperationException($"MAILDEV_BIN points at {fromEnvironment}, which does not exist.");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                var bin = Path.Combine(directory.FullName, ".tools", "maildev", "node_modules", "maildev", "bin", "maildev");
                return File.Exists(bin)
                    ? bin
                    : throw new InvalidOperationException($"maildev is not installed at {bin}: run ./test.sh once, or npm install --no-save --prefix .tools/maildev maildev@2.");
            }
        }

        throw new InvalidOperationException("Platform.sln not found above the test assembly, and MAILDEV_BIN is not set.");
    }
}
