using System.Security.Cryptography;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Security;

namespace Platform.Shared.Config;

/// <summary>
/// One tenant's part of an apply: the file's view, the stored state, and the tracked edits that
/// turn one into the other. Nothing is saved here; <see cref="ApplySession"/> saves or discards.
/// </summary>
internal sealed class TenantPlan(
    Tenant tenant,
    TenantConfig config,
    PlatformDbContext db,
    PlatformDbContext global,
    ChangeLog log,
    ConfigApplyOptions options,
    ICredentialProtector protector,
    DateTime now)
{
    public Tenant Tenant => tenant;

    public TenantConfig Config => config;

    public PlatformDbContext Db => db;

    public PlatformDbContext Global => global;

    public ChangeLog Log => log;

    public ConfigApplyOptions Options => options;

    public ICredentialProtector Protector => protector;

    public DateTime Now => now;

    public TenantState State { get; private set; } = new();

    /// <summary>The rows the file ends up with, by name; new rows included.</summary>
    public Dictionary<string, Provider> Providers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CatalogModel> Models { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Tier> Tiers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FallbackPolicy> Policies { get; } = new(StringComparer.Ordinal);

    public List<GeneratedApiKey> GeneratedKeys { get; } = [];

    public string PathOf(string name) => $"{tenant.Slug}/{name}";

    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        State = await TenantState.LoadAsync(db, global, config, cancellationToken);
        ProviderSync.Sync(this);
        ModelSync.Sync(this);
        FallbackPolicySync.Sync(this);
        TierSync.Sync(this);
        RouteSync.Sync(this);
        PromptSync.Sync(this);
        await ApiKeySync.SyncAsync(this, cancellationToken);
        BudgetSync.Sync(this);
        MemberSync.Sync(this);

        // Dependents first, so a reader of the change list sees the order the rows go in.
        RouteSync.DeleteAbsent(this);
        TierSync.DeleteAbsent(this);
        FallbackPolicySync.DeleteAbsent(this);
        BudgetSync.DeleteAbsent(this);
        ModelSync.DeleteAbsent(this);
        ProviderSync.DeleteAbsent(this);
    }

    /// <summary>Whether the stored (encrypted) credential already is <paramref name="credential"/>.</summary>
    public bool HasCredential(string? stored, string credential)
    {
        if (stored is null)
        {
            return false;
        }

        try
        {
            return protector.Unprotect(stored) == credential;
        }
        catch (CryptographicException)
        {
            // Encrypted under a key that is gone: store it again under the current one.
            return false;
        }
    }
}
