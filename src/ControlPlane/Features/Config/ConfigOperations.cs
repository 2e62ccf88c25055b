using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Config;

/// <summary>
/// Config as code for the caller's tenant. A file may configure only that tenant, may not give or
/// take a role the caller could not grant (<see cref="ConfigMemberRights"/>), and does not see the
/// server's environment (<c>${VAR}</c> is an error unless it has a default). Export is open to every
/// role and never carries a secret; preview and apply need <see cref="Permission.Configure"/>.
/// </summary>
internal sealed class ConfigOperations(
    PlatformDbContext db, Caller caller, ConfigExporter exporter, ConfigApplier applier, AuditLog audit) : IConfigOperations
{
    /// <summary>The name errors are reported against (<c>config.yaml:12:7</c>), whatever the file was called on the caller's disk.</summary>
    public const string FileName = "config.yaml";

    public async Task<Outcome<string>> ExportAsync(CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await exporter.ExportAsync(await SlugAsync(ct), ct) is { } yaml ? Outcome.Ok(yaml) : Failure.NotFound("tenant");
    }

    public async Task<Outcome<ConfigChangesView>> PreviewAsync(string yaml, CancellationToken ct)
    {
        var run = await RunAsync(yaml, dryRun: true, ct);
        return run.Succeeded ? Outcome.Ok(run.Value.Changes) : run.Failure;
    }

    public Task<Outcome<ConfigApplied>> ApplyAsync(string yaml, CancellationToken ct) => RunAsync(yaml, dryRun: false, ct);

    private async Task<Outcome<ConfigApplied>> RunAsync(string yaml, bool dryRun, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Configure) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(yaml))
        {
            return Failure.Invalid("yaml", "Send the YAML file as the request body (content type text/yaml).");
        }

        var parsed = ConfigParser.Parse(yaml, FileName, _ => null);
        if (!parsed.Succeeded)
        {
            return Invalid(parsed.Errors);
        }

        var slug = await SlugAsync(ct);
        var document = parsed.Document!;
        if (document.Tenants.Select(t => t.Slug).Where(s => s != slug).Distinct().ToList() is { Count: > 0 } others)
        {
            return Failure.Forbidden($"The file configures tenant {string.Join(", ", others.Select(s => $"'{s}'"))}; you may configure only '{slug}'.");
        }

        if (document.Tenants.Count == 0)
        {
            return Failure.Invalid("yaml", $"The file lists no tenant; list yours, '{slug}'.");
        }

        if (await ConfigMemberRights.RefusalAsync(db, caller, document.Tenants[0], ct) is { } rights)
        {
            return Failure.Forbidden(rights is ProblemHttpResult { ProblemDetails.Detail: { } detail } ? detail : "You may not change these members.");
        }

        var labelsBefore = dryRun ? null : await ConfigLabelMoves.SnapshotAsync(db, ct);
        var result = await applier.ApplyAsync(document, new ConfigApplyOptions { DryRun = dryRun }, ct);
        if (!result.Succeeded)
        {
            return Invalid(result.Errors);
        }

        if (result.Applied)
        {
            // The applier commits on its own connection; its audit lines follow in a second save.
            audit.Add(db, "apply", "config", null, null, new ConfigApplyAudit(result.Changes));
            ConfigLabelMoves.Audit(db, audit, labelsBefore!, await ConfigLabelMoves.SnapshotAsync(db, ct));
            await db.SaveChangesAsync(ct);
        }

        var changes = new ConfigChangesView(result.Applied, result.Changes, [.. result.GeneratedKeys.Select(k => new ConfigGeneratedKeyView(k.Name, k.Key))]);
        var version = await db.Tenants.AsNoTracking().Where(t => t.Id == caller.TenantId).Select(t => t.ConfigVersion).SingleAsync(ct);
        return Outcome.Ok(new ConfigApplied(changes, version));
    }

    /// <summary>Each error keyed by where it is, as <see cref="IConfigOperations"/> documents; nothing was changed.</summary>
    private static Failure Invalid(IReadOnlyList<ConfigError> errors) => new(
        OutcomeStatus.Invalid,
        $"{errors.Count} error(s); nothing was changed. {string.Join(" ", errors.Take(3))}",
        errors.GroupBy(e => e.Location.ToString(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));

    private Task<string> SlugAsync(CancellationToken ct) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == caller.TenantId).Select(t => t.Slug).SingleAsync(ct);
}
