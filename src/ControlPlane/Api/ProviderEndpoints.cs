using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Security;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/providers</c>: the upstreams a tenant's models run on. The credential is write-only:
/// encrypted with Data Protection on the way in, shown only as <c>hasCredential</c>, kept when an
/// update leaves it out. A provider that models are named after cannot be renamed or deleted.
/// </summary>
internal static class ProviderEndpoints
{
    private const string EntityType = "provider";

    public static void Map(RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/providers").WithTags("Providers");
        providers.MapGet("", ListAsync);
        providers.MapGet("/{id:guid}", GetAsync);
        providers.MapPost("", CreateAsync).Validates<ProviderInput>().Requires(Permission.Configure);
        providers.MapPut("/{id:guid}", UpdateAsync).Validates<ProviderInput>().Requires(Permission.Configure);
        providers.MapDelete("/{id:guid}", DeleteAsync).Requires(Permission.Configure);
        providers.MapPost("/{id:guid}/test", TestAsync).Requires(Permission.Configure);
    }

    /// <param name="kind">openai-compatible, anthropic, gemini or simulator.</param>
    /// <param name="name">Part of the name.</param>
    private static async Task<IResult> ListAsync(
        PlatformDbContext db, string? kind, string? name, bool? enabled, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Providers.AsNoTracking();
        if (!string.IsNullOrEmpty(kind))
        {
            if (!ConfigVocabulary.ProviderKinds.TryParse(kind, out var parsed))
            {
                return Problems.BadRequest($"Unknown kind '{kind}'; use {string.Join(", ", ConfigVocabulary.ProviderKinds.Names)}.");
            }

            query = query.Where(p => p.Kind == parsed);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(p => p.Name.Contains(name));
        }

        if (enabled is { } on)
        {
            query = query.Where(p => p.Enabled == on);
        }

        var paging = Paging.From(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<ProviderView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } provider)
        {
            return Problems.NotFound(EntityType);
        }

        ETags.Set(response, provider);
        return Results.Ok(View(provider));
    }

    private static async Task<IResult> CreateAsync(
        ProviderInput input, PlatformDbContext db, AuditLog audit, ICredentialProtector protector, TimeProvider time, HttpResponse response, CancellationToken ct)
    {
        if (await db.Providers.AnyAsync(p => p.Name == input.Name, ct))
        {
            return Problems.Conflict($"A provider named '{input.Name}' already exists.");
        }

        var provider = new Provider { Name = input.Name, BaseUrl = input.BaseUrl, CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(provider, input, protector);
        db.Providers.Add(provider);
        audit.Add(db, "create", EntityType, provider.Id, null, View(provider));
        if (await PolicyWrites.SaveAsync(db, null, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, provider);
        return Results.Created($"/api/v1/providers/{provider.Id}", View(provider));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, ProviderInput input, PlatformDbContext db, AuditLog audit, ICredentialProtector protector,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await db.Providers.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } provider)
        {
            return Problems.NotFound(EntityType);
        }

        if (ETags.IfMatchFails(request, provider))
        {
            return Problems.PreconditionFailed();
        }

        if (input.Name != provider.Name)
        {
            if (await db.Providers.AnyAsync(p => p.Name == input.Name, ct))
            {
                return Problems.Conflict($"A provider named '{input.Name}' already exists.");
            }

            if (await References.ToProviderAsync(db, provider.Id, ct) is { } used)
            {
                return Problems.Conflict($"Provider '{provider.Name}' cannot be renamed: model names start with it, and it is {used}.");
            }
        }

        var before = View(provider);
        provider.Name = input.Name;
        Apply(provider, input, protector);
        audit.Add(db, "update", EntityType, provider.Id, before, View(provider));
        var check = RouteChecks.StayServable(db, RouteChecks.UsingProvider(provider.Id), $"Changing provider '{provider.Name}'");
        if (await PolicyWrites.SaveAsync(db, check, ct) is { } refused)
        {
            return refused;
        }

        ETags.Set(response, provider);
        return Results.Ok(View(provider));
    }

    private static async Task<IResult> DeleteAsync(Guid id, PlatformDbContext db, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        if (await db.Providers.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } provider)
        {
            return Problems.NotFound(EntityType);
        }

        if (ETags.IfMatchFails(request, provider))
        {
            return Problems.PreconditionFailed();
        }

        if (await References.ToProviderAsync(db, provider.Id, ct) is { } used)
        {
            return Problems.Conflict($"Provider '{provider.Name}' is {used}; delete or move them first.");
        }

        db.Providers.Remove(provider);
        audit.Add(db, "delete", EntityType, provider.Id, View(provider), null);
        return await PolicyWrites.SaveAsync(db, null, ct) ?? Results.NoContent();
    }

    /// <summary>A real call with the stored credential; a failure is an answer (<c>ok: false</c>), not an error status.</summary>
    private static async Task<IResult> TestAsync(Guid id, PlatformDbContext db, ProviderConnectionTester tester, CancellationToken ct)
    {
        if (await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } provider)
        {
            return Problems.NotFound(EntityType);
        }

        return Results.Ok(await tester.TestAsync(provider, ct));
    }

    private static void Apply(Provider provider, ProviderInput input, ICredentialProtector protector)
    {
        provider.Kind = ConfigVocabulary.ProviderKinds.Parse(input.Kind);
        provider.BaseUrl = input.BaseUrl;
        provider.Region = input.Region;
        provider.IsPrivate = input.Private;
        provider.Enabled = input.Enabled;
        if (input.Credential is { } credential)
        {
            provider.EncryptedCredential = protector.Protect(credential);
        }
    }

    /// <summary>Never the credential, not even masked: views go into the audit log too.</summary>
    public static ProviderView View(Provider p) => new(
        p.Id, p.Name, ConfigVocabulary.ProviderKinds.NameOf(p.Kind), p.BaseUrl, p.EncryptedCredential is not null,
        p.Region, p.IsPrivate, p.Enabled, p.CreatedAt);
}
