using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Shared.Hosting;

namespace Platform.DataPlane.Configuration;

/// <summary>
/// <c>{DataDirectory}/snapshots/policy.json</c>: the last snapshot read from the database, so a
/// restart during a database outage still serves. Credentials in it stay encrypted.
/// </summary>
internal sealed partial class LastKnownGoodFile(IOptions<DatabaseOptions> database, ILogger<LastKnownGoodFile> logger)
{
    public string FilePath { get; } = Path.Combine(Path.GetFullPath(database.Value.DataDirectory), "snapshots", "policy.json");

    public Task SaveAsync(PolicyDocument document, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(document, PolicyDocumentJsonContext.Default.PolicyDocument);
        return AtomicFile.WriteAsync(FilePath, json, cancellationToken);
    }

    /// <summary>The saved document, or null when there is none or it cannot be read.</summary>
    public async Task<PolicyDocument?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(FilePath);
            var document = await JsonSerializer.DeserializeAsync(stream, PolicyDocumentJsonContext.Default.PolicyDocument, cancellationToken);
            if (document?.Format != PolicyDocument.CurrentFormat)
            {
                Log.WrongFormat(logger, FilePath, document?.Format ?? 0, PolicyDocument.CurrentFormat);
                return null;
            }

            return document;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            Log.Unreadable(logger, FilePath, ex);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1301, LogLevel.Warning, "The last-known-good snapshot at {Path} cannot be read; it is ignored.")]
        public static partial void Unreadable(ILogger logger, string path, Exception exception);

        [LoggerMessage(1302, LogLevel.Warning,
            "The last-known-good snapshot at {Path} has format {Format}, this version reads {Expected}; it is ignored.")]
        public static partial void WrongFormat(ILogger logger, string path, int format, int expected);
    }
}
