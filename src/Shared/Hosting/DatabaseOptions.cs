namespace Platform.Shared.Hosting;

/// <summary>Which database the platform uses; section <c>Database</c>.</summary>
public sealed record DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c>.</summary>
    public string Provider { get; init; } = Sqlite;

    /// <summary>Required for SQL Server; for SQLite defaults to <c>platform.db</c> in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Where the embedded database, the last-known-good snapshots and the usage spool live.</summary>
    public string DataDirectory { get; init; } = ".data";

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlServer => string.Equals(Provider, SqlServer, StringComparison.OrdinalIgnoreCase);

    public string ResolveConnectionString() =>
        ConnectionString is { Length: > 0 } given
            ? given
            : $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), "platform.db")};Default Timeout=30";

    /// <summary>Every problem with these options, as sentences an operator can act on.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsSqlite && !IsSqlServer)
        {
            errors.Add($"{Section}:Provider '{Provider}' is not supported; use '{Sqlite}' or '{SqlServer}'.");
        }

        if (IsSqlServer && string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add($"{Section}:ConnectionString is required when {Section}:Provider is '{SqlServer}' " +
                $"(set it in appsettings or the environment variable {Section}__ConnectionString).");
        }

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add($"{Section}:DataDirectory must not be empty.");
        }

        return errors;
    }
}
