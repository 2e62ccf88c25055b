namespace Platform.DataPlane.Configuration;

/// <summary>
/// Whole-file writes that a crash cannot tear: write a temp file beside the target, flush it to
/// disk, then rename over the target (atomic on POSIX, and on NTFS for a same-volume replace).
/// Files and folders are private to the service account: they hold key material and key hashes.
/// </summary>
internal static class AtomicFile
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, PrivateDirectory);
        }
    }

    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = Prepare(path);
        try
        {
            await using (var stream = new FileStream(temp, CreateOptions()))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var temp = Prepare(path);
        try
        {
            using (var stream = new FileStream(temp, CreateOptions()))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The write already failed; that error is the one worth reporting.
        }
    }

    private static string Prepare(string path)
    {
        CreatePrivateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return $"{path}.{Guid.NewGuid():N}.tmp";
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }

        return options;
    }
}
