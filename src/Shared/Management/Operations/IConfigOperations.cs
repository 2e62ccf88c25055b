namespace Platform.Shared.Management.Operations;

/// <summary>
/// Config as code for the caller's tenant, for the management API (<c>/api/v1/config</c>) and the
/// dashboard's config page alike. Every role may export (never a secret); preview and apply need
/// Configure. A file with errors is refused as <see cref="OutcomeStatus.Invalid"/>, its
/// <see cref="Failure.Errors"/> keyed by where each error is (<c>config.yaml:12:7</c>, or the file
/// name alone when it has no line), nothing changed.
/// </summary>
public interface IConfigOperations
{
    /// <summary>The tenant as a YAML file the apply accepts back.</summary>
    Task<Outcome<string>> ExportAsync(CancellationToken ct);

    /// <summary>What an apply of <paramref name="yaml"/> would change, without changing anything.</summary>
    Task<Outcome<ConfigChangesView>> PreviewAsync(string yaml, CancellationToken ct);

    Task<Outcome<ConfigApplied>> ApplyAsync(string yaml, CancellationToken ct);
}

/// <summary>An apply's changes, and the tenant's config version after it (what the data plane reloads on).</summary>
public sealed record ConfigApplied(ConfigChangesView Changes, long ConfigVersion);
