using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/config</c>: config as code over HTTP. <c>GET</c> exports the caller's tenant as YAML
/// (never a secret); <c>POST /preview</c> is a dry run of a file and <c>POST /apply</c> applies it,
/// both for owners and admins, both answering the change lines. A file may configure only the
/// caller's own tenant (403 otherwise), may not give or take a role the caller could not grant
/// (403), and does not see the server's environment (<c>${VAR}</c> is an error unless it has a
/// default) nor accept plain-text key secrets or passwords.
/// </summary>
internal static class ConfigEndpoints
{
    private const string FileName = "config.yaml";
    private const int MaxChars = 1 << 20;

    public static void Map(RouteGroupBuilder api)
    {
        var config = api.MapGroup("/config").WithTags("Config as code");
        config.MapGet("", ExportAsync).Produces<string>(contentType: "text/yaml");
        config.MapPost("/preview", PreviewAsync).Accepts<string>("text/yaml").Requires(Permission.Configure);
        config.MapPost("/apply", ApplyAsync).Accepts<string>("text/yaml").Requires(Permission.Configure);
    }

    private static async Task<IResult> ExportAsync(PlatformDbContext db, Caller caller, ConfigExporter exporter, CancellationToken ct)
    {
        var slug = await SlugAsync(db, caller, ct);
        var yaml = await exporter.ExportAsync(slug, ct);
        return yaml is null ? Problems.NotFound("tenant") : Results.Text(yaml, "text/yaml; charset=utf-8");
    }

    private static Task<IResult> PreviewAsync(
        HttpRequest request, PlatformDbContext db, Caller caller, ConfigApplier applier, AuditLog audit, CancellationToken ct) =>
        RunAsync(request, db, caller, applier, audit, dryRun: true, ct);

    private static Task<IResult> ApplyAsync(
        HttpRequest request, PlatformDbContext db, Caller caller, ConfigApplier applier, AuditLog audit, CancellationToken ct) =>
        RunAsync(request, db, caller, applier, audit, dryRun: false, ct);

    private static async Task<IResult> RunAsync(
        HttpRequest request, PlatformDbContext db, Caller caller, ConfigApplier applier, AuditLog audit, bool dryRun, CancellationToken ct)
    {
        if (await ReadAsync(request, ct) is not { } yaml)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
                detail: $"A config file may have at most {MaxChars} characters.");
        }

        if (string.IsNullOrWhiteSpace(yaml))
        {
            return Problems.BadRequest("Send the YAML file as the request body (content type text/yaml).");
        }

        var parsed = ConfigParser.Parse(yaml, FileName, _ => null);
        if (!parsed.Succeeded)
        {
            return Invalid(parsed.Errors);
        }

        var slug = await SlugAsync(db, caller, ct);
        var document = parsed.Document!;
        if (document.Tenants.Select(t => t.Slug).Where(s => s != slug).Distinct().ToList() is { Count: > 0 } others)
        {
            return Problems.Forbidden($"The file configures tenant {string.Join(", ", others.Select(s => $"'{s}'"))}; you may configure only '{slug}'.");
        }

        if (document.Tenants.Count == 0)
        {
            return Problems.BadRequest($"The file lists no tenant; list yours, '{slug}'.");
        }

        if (await ConfigMemberRights.RefusalAsync(db, caller, document.Tenants[0], ct) is { } refusal)
        {
            return refusal;
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

        return Results.Ok(new ConfigChangesView(result.Applied, result.Changes,
            [.. result.GeneratedKeys.Select(k => new ConfigGeneratedKeyView(k.Name, k.Key))]));
    }

    /// <returns>The body, or null when it is longer than <see cref="MaxChars"/>.</returns>
    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxChars * 4L)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxChars)
            {
                return null;
            }
        }

        return text.ToString();
    }

    private static IResult Invalid(IReadOnlyList<ConfigError> errors) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid config",
            detail: $"{errors.Count} error(s); nothing was changed. {string.Join(" ", errors.Take(3))}",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new ConfigErrorView(e.ToString(), e.Location.Line, e.Location.Column, e.Message)).ToList(),
            });

    private static Task<string> SlugAsync(PlatformDbContext db, Caller caller, CancellationToken ct) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == caller.TenantId).Select(t => t.Slug).SingleAsync(ct);
}
