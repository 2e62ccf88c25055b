using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Config;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;
using Platform.Shared.Security;

namespace Platform.ControlPlane.Features.Providers;

/// <summary>
/// Providers. The credential is encrypted with Data Protection on the way in and kept when an
/// update leaves it out; a provider that models are named after cannot be renamed or deleted.
/// Reads and the health read are open to every role; writes and the connection test need
/// <see cref="Permission.Configure"/>, checked before validation so a viewer learns nothing from error messages.
/// </summary>
internal sealed class ProviderOperations(
    PlatformDbContext db, Caller caller, AuditLog audit, IValidator<ProviderInput> validator, ICredentialProtector protector,
    ProviderConnectionTester tester, TimeProvider time) : IProviderOperations
{
    private const string What = "provider";

    public async Task<Outcome<Page<ProviderView>>> ListAsync(ProviderQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        var providers = db.Providers.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Kind))
        {
            if (!ConfigVocabulary.ProviderKinds.TryParse(query.Kind, out var kind))
            {
                return Failure.Invalid(nameof(ProviderQuery.Kind),
                    $"Unknown kind '{query.Kind}'; use {string.Join(", ", ConfigVocabulary.ProviderKinds.Names)}.");
            }

            providers = providers.Where(p => p.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            providers = providers.Where(p => p.Name.Contains(query.Name));
        }

        if (query.Enabled is { } enabled)
        {
            providers = providers.Where(p => p.Enabled == enabled);
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var total = await providers.CountAsync(ct);
        var rows = await providers.OrderBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<ProviderView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    public async Task<Outcome<ProviderView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } provider
            ? Outcome.Ok(View(provider), ETagOf(provider))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<ProviderView>> CreateAsync(ProviderInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await db.Providers.AnyAsync(p => p.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var provider = new Provider { Name = input.Name, BaseUrl = input.BaseUrl, CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(provider, input);
        db.Providers.Add(provider);
        audit.Add(db, "create", What, provider.Id, null, View(provider));
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(View(provider), ETagOf(provider));
    }

    public async Task<Outcome<ProviderView>> UpdateAsync(Guid id, ProviderInput input, string? ifMatch, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var provider = found.Value;
        if (input.Name != provider.Name)
        {
            if (await db.Providers.AnyAsync(p => p.Name == input.Name, ct))
            {
                return NameTaken(input.Name);
            }

            if (await References.ToProviderAsync(db, provider.Id, ct) is { } used)
            {
                return Failure.Conflict(
                    $"Provider '{provider.Name}' cannot be renamed: model names start with it, and it is {used}.", nameof(ProviderInput.Name));
            }
        }

        var before = View(provider);
        provider.Name = input.Name;
        Apply(provider, input);
        audit.Add(db, "update", What, provider.Id, before, View(provider));
        var check = RouteChecks.StayServable(db, RouteChecks.UsingProvider(provider.Id), $"Changing provider '{provider.Name}'");
        return await PolicyWrites.TrySaveAsync(db, check, ct) ?? Outcome.Ok(View(provider), ETagOf(provider));
    }

    public async Task<Outcome<ProviderView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Configure) is { } refusal)
        {
            return refusal;
        }

        var found = await FindAsync(id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var provider = found.Value;
        if (await References.ToProviderAsync(db, provider.Id, ct) is { } used)
        {
            return Failure.Conflict($"Provider '{provider.Name}' is {used}; delete or move them first.");
        }

        var view = View(provider);
        db.Providers.Remove(provider);
        audit.Add(db, "delete", What, provider.Id, view, null);
        return await PolicyWrites.TrySaveAsync(db, null, ct) ?? Outcome.Ok(view);
    }

    public async Task<Outcome<ProviderTestResult>> TestAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Configure) is { } refusal)
        {
            return refusal;
        }

        return await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } provider
            ? Outcome.Ok(await tester.TestAsync(provider, ct))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<CatalogHealthView>> HealthAsync(CatalogHealthQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        TimeSpan? window = query.Window switch
        {
            "15m" => TimeSpan.FromMinutes(15),
            "1h" => TimeSpan.FromHours(1),
            "24h" => TimeSpan.FromHours(24),
            _ => null,
        };
        return window is { } length
            ? Outcome.Ok(await new CatalogHealthReader(db, time).ReadAsync(length, ct))
            : Failure.Invalid(nameof(CatalogHealthQuery.Window),
                $"Unknown window '{query.Window}'; use {string.Join(", ", CatalogHealthQuery.Windows)}.");
    }

    /// <summary>The tracked row, if it is in the tenant and the caller's If-Match still holds.</summary>
    private async Task<Outcome<Provider>> FindAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (await db.Providers.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } provider)
        {
            return Failure.NotFound(What);
        }

        return ConcurrencyStamps.IfMatchFails(ifMatch, provider.ConcurrencyStamp) ? Failure.PreconditionFailed() : Outcome.Ok(provider);
    }

    private async Task<Failure?> InvalidAsync(ProviderInput input, CancellationToken ct) =>
        await validator.ValidateAsync(input, ct) is { IsValid: false } result ? Failure.Invalid(result) : null;

    private static Failure NameTaken(string name) =>
        Failure.Conflict($"A provider named '{name}' already exists.", nameof(ProviderInput.Name));

    private static string ETagOf(Provider provider) => ConcurrencyStamps.ETagOf(provider.ConcurrencyStamp);

    private void Apply(Provider provider, ProviderInput input)
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
    private static ProviderView View(Provider p) => new(
        p.Id, p.Name, ConfigVocabulary.ProviderKinds.NameOf(p.Kind), p.BaseUrl, p.EncryptedCredential is not null,
        p.Region, p.IsPrivate, p.Enabled, p.CreatedAt);
}
