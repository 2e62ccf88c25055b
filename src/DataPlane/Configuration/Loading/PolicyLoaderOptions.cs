namespace Platform.DataPlane.Configuration;

/// <summary>How the data plane keeps its policy snapshot fresh; section <c>DataPlane</c>.</summary>
internal sealed record PolicyLoaderOptions
{
    public const string Section = "DataPlane";

    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    /// <summary>How often the tenant versions are polled. The default keeps a change visible within 2 s.</summary>
    public TimeSpan PolicyPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long start-up waits for the database before serving the last-known-good snapshot
    /// (a SQL Server that does not answer would otherwise hold the host for its connect timeout and retries).
    /// </summary>
    public TimeSpan PolicyInitialLoadTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PolicyPollInterval <= TimeSpan.Zero || PolicyPollInterval > Longest)
        {
            errors.Add($"{Section}:{nameof(PolicyPollInterval)} must be more than zero and at most {Longest} (e.g. 00:00:01).");
        }

        if (PolicyInitialLoadTimeout <= TimeSpan.Zero || PolicyInitialLoadTimeout > Longest)
        {
            errors.Add($"{Section}:{nameof(PolicyInitialLoadTimeout)} must be more than zero and at most {Longest}.");
        }

        return errors;
    }
}
