using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Shared.Data;
using Platform.Shared.Hosting;

namespace Platform.DataPlane.Configuration;

/// <summary>
/// Data Protection keys from the database (shared with the control plane), mirrored to
/// <c>{DataDirectory}/keys/</c> so the last-known-good credentials can be decrypted while the
/// database is down. The mirror follows the database (keys deleted there are deleted here); a key
/// written while the database is down is kept as pending and copied up once it answers.
/// </summary>
internal sealed partial class MirroredKeyRepository(
    PlatformDbContextFactory contexts,
    IOptions<DatabaseOptions> database,
    ILogger<MirroredKeyRepository> logger) : IXmlRepository
{
    private const string KeyExtension = ".xml";
    private const string PendingExtension = ".pending";

    private readonly Lock _lock = new();

    public string Directory { get; } = Path.Combine(Path.GetFullPath(database.Value.DataDirectory), "keys");

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_lock)
        {
            List<DataProtectionKey> rows;
            try
            {
                using var db = contexts.Create(null);
                rows = db.DataProtectionKeys.AsNoTracking().ToList();
            }
            catch (Exception ex)
            {
                Log.ReadingMirror(logger, Directory, ex);
                return ReadMirror();
            }

            try
            {
                UploadPending(rows);
                Mirror(rows);
            }
            catch (Exception ex)
            {
                Log.MirrorFailed(logger, Directory, ex);
            }

            return [.. rows.Where(r => r.Xml is not null).Select(r => XElement.Parse(r.Xml!))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_lock)
        {
            var xml = element.ToString(SaveOptions.DisableFormatting);
            var keyFile = Path.Combine(Directory, FileName(friendlyName, xml) + KeyExtension);
            try
            {
                using var db = contexts.Create(null);
                db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = xml });
                db.SaveChanges();
            }
            catch (Exception ex)
            {
                // Without a database the mirror is the only copy, so here a failed write must fail the store.
                AtomicFile.Write(keyFile, Encoding.UTF8.GetBytes(xml));
                AtomicFile.Write(Path.ChangeExtension(keyFile, PendingExtension), []);
                Log.StoredLocallyOnly(logger, friendlyName, ex);
                return;
            }

            try
            {
                AtomicFile.Write(keyFile, Encoding.UTF8.GetBytes(xml));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.MirrorFailed(logger, Directory, ex);
            }
        }
    }

    /// <summary>Copies keys created during an outage to the database, and adds them to <paramref name="rows"/>.</summary>
    private void UploadPending(List<DataProtectionKey> rows)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        var known = rows.Select(r => FileName(r.FriendlyName, r.Xml ?? string.Empty)).ToHashSet(StringComparer.Ordinal);
        foreach (var marker in System.IO.Directory.EnumerateFiles(Directory, "*" + PendingExtension))
        {
            var name = Path.GetFileNameWithoutExtension(marker);
            var keyFile = Path.Combine(Directory, name + KeyExtension);
            if (!known.Contains(name) && File.Exists(keyFile))
            {
                var xml = File.ReadAllText(keyFile);
                var row = new DataProtectionKey { FriendlyName = name, Xml = xml };
                using (var db = contexts.Create(null))
                {
                    db.DataProtectionKeys.Add(row);
                    db.SaveChanges();
                }

                rows.Add(row);
                Log.Uploaded(logger, name);
            }

            File.Delete(marker);
        }
    }

    private void Mirror(List<DataProtectionKey> rows)
    {
        AtomicFile.CreatePrivateDirectory(Directory);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Xml is null)
            {
                continue;
            }

            var name = FileName(row.FriendlyName, row.Xml);
            wanted.Add(name);
            var path = Path.Combine(Directory, name + KeyExtension);
            if (!File.Exists(path) || File.ReadAllText(path) != row.Xml)
            {
                AtomicFile.Write(path, Encoding.UTF8.GetBytes(row.Xml));
            }
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + KeyExtension))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!wanted.Contains(name) && !File.Exists(Path.Combine(Directory, name + PendingExtension)))
            {
                File.Delete(path);
            }
        }
    }

    private List<XElement> ReadMirror()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var elements = new List<XElement>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + KeyExtension))
        {
            try
            {
                elements.Add(XElement.Parse(File.ReadAllText(path)));
            }
            catch (Exception ex) when (ex is IOException or System.Xml.XmlException)
            {
                Log.MirrorFileUnreadable(logger, path, ex);
            }
        }

        return elements;
    }

    /// <summary>Data Protection names keys <c>key-{guid}</c>; anything else is hashed into a safe file name.</summary>
    private static string FileName(string? friendlyName, string xml)
    {
        if (friendlyName is { Length: > 0 and <= 100 } && friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return friendlyName;
        }

        return "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(friendlyName ?? xml)))[..32];
    }

    private static partial class Log
    {
        [LoggerMessage(1401, LogLevel.Warning,
            "Data Protection keys cannot be read from the database; using the local mirror in {Directory}.")]
        public static partial void ReadingMirror(ILogger logger, string directory, Exception exception);

        [LoggerMessage(1402, LogLevel.Warning, "Data Protection keys could not be mirrored to {Directory}.")]
        public static partial void MirrorFailed(ILogger logger, string directory, Exception exception);

        [LoggerMessage(1403, LogLevel.Warning,
            "Data Protection key '{FriendlyName}' was stored in the local mirror only; it is copied to the database once it answers.")]
        public static partial void StoredLocallyOnly(ILogger logger, string friendlyName, Exception exception);

        [LoggerMessage(1404, LogLevel.Information, "Data Protection key '{FriendlyName}' created during an outage was copied to the database.")]
        public static partial void Uploaded(ILogger logger, string friendlyName);

        [LoggerMessage(1405, LogLevel.Warning, "Mirrored Data Protection key file {Path} cannot be read; it is skipped.")]
        public static partial void MirrorFileUnreadable(ILogger logger, string path, Exception exception);
    }
}
