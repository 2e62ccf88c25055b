using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Platform.DataPlane.Forwarding;
using Platform.Shared.Security;

namespace Platform.DataPlane.Configuration;

/// <summary>
/// Turns one tenant's rows into a <see cref="TenantPolicy"/>: lookups frozen, references resolved,
/// candidates ordered, credentials decrypted. Bad rows are skipped with a warning rather than
/// failing the tenant, so one typo cannot take a tenant's whole configuration offline.
/// </summary>
internal sealed partial class PolicyCompiler(
    PolicyReader reader,
    ICredentialProtector protector,
    ILogger<PolicyCompiler> logger)
{
    public async Task<CompiledTenant> LoadTenantAsync(TenantVersion tenant, CancellationToken cancellationToken)
    {
        var document = await reader.ReadTenantAsync(tenant, cancellationToken);
        // On SQL Server the read completes on a socket event thread, which runs request code (InlineIo):
        // the compile, milliseconds for a big tenant, goes to the thread pool instead of holding it.
        await Task.Yield();
        return Compile(document);
    }

    public CompiledTenant Compile(TenantDocument tenant)
    {
        var providersById = new Dictionary<Guid, ProviderPolicy>();
        foreach (var provider in tenant.Providers)
        {
            if (!Uri.TryCreate(provider.BaseUrl, UriKind.Absolute, out var baseUrl))
            {
                Log.ProviderUrlInvalid(logger, provider.Name, tenant.Slug);
                continue;
            }

            providersById[provider.Id] = new ProviderPolicy(
                provider.Id, provider.Name, provider.Kind, baseUrl, Decrypt(tenant, provider),
                provider.Region, provider.IsPrivate, provider.Enabled);
        }

        var modelsById = new Dictionary<Guid, ModelPolicy>();
        foreach (var model in tenant.Models)
        {
            if (!providersById.TryGetValue(model.ProviderId, out var provider))
            {
                Log.ModelWithoutProvider(logger, model.Name, tenant.Slug);
                continue;
            }

            modelsById[model.Id] = new ModelPolicy
            {
                Id = model.Id,
                Name = model.Name,
                Provider = provider,
                UpstreamId = model.UpstreamId,
                ContextWindow = model.ContextWindow,
                MaxOutputTokens = model.MaxOutputTokens,
                Capabilities = model.Capabilities,
                InputPricePerMillion = model.InputPricePerMillion,
                OutputPricePerMillion = model.OutputPricePerMillion,
                CachedInputPricePerMillion = model.CachedInputPricePerMillion,
                Region = model.Region,
                ApprovedForCustomerFacing = model.ApprovedForCustomerFacing,
                Enabled = model.Enabled,
            };
        }

        var tiersById = tenant.Tiers.ToDictionary(
            t => t.Id,
            t => new TierPolicy(t.Name, Candidates(t.Models, modelsById)));
        var fallbacksById = tenant.FallbackPolicies.ToDictionary(f => f.Id, f => CompileFallback(tenant, f));

        var policy = new TenantPolicy
        {
            TenantId = tenant.TenantId,
            Slug = tenant.Slug,
            ConfigVersion = tenant.ConfigVersion,
            Providers = providersById.Values.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal),
            Models = modelsById.Values.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal),
            Tiers = tiersById.Values.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal),
            Routes = tenant.Routes
                .Select(r => CompileRoute(r, modelsById, tiersById, fallbacksById))
                .ToFrozenDictionary(r => r.Name, StringComparer.Ordinal),
            Prompts = tenant.Prompts.Select(CompilePrompt).ToFrozenDictionary(p => p.Name, StringComparer.Ordinal),
            Budgets = [.. tenant.Budgets.Select(CompileBudget)],
            RequestsPerMinute = tenant.RequestsPerMinute,
            TokensPerMinute = tenant.TokensPerMinute,
        };
        return new CompiledTenant(tenant, policy);
    }

    /// <summary>Keys of the tenants in the snapshot, by hash; keys of other (disabled, removed) tenants are left out.</summary>
    public static FrozenDictionary<string, KeyPolicy> CompileKeys(IEnumerable<KeyDocument> keys, IReadOnlySet<Guid> tenants)
    {
        var byHash = new Dictionary<string, KeyPolicy>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!tenants.Contains(key.TenantId))
            {
                continue;
            }

            byHash.TryAdd(key.Hash, new KeyPolicy
            {
                Id = key.Id,
                TenantId = key.TenantId,
                Name = key.Name,
                Prefix = key.Prefix,
                AllowedEndpoints = key.AllowedEndpoints.ToFrozenSet(StringComparer.Ordinal),
                AllowedRoutes = key.AllowedRoutes.ToFrozenSet(StringComparer.Ordinal),
                AllowedModels = key.AllowedModels.ToFrozenSet(StringComparer.Ordinal),
                ExpiresAt = key.ExpiresAt,
                RevokedAt = key.RevokedAt,
                RequestsPerMinute = key.RequestsPerMinute,
                TokensPerMinute = key.TokensPerMinute,
            });
        }

        return byHash.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private string? Decrypt(TenantDocument tenant, ProviderDocument provider)
    {
        if (provider.EncryptedCredential is not { Length: > 0 } encrypted)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(encrypted);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            // Data Protection's messages name the key id at most, never the payload or the plain text.
            Log.CredentialUnreadable(logger, provider.Name, tenant.Slug, ex);
            return null;
        }
    }

    private static WeightedModel[] Candidates(IEnumerable<CandidateDocument> candidates, Dictionary<Guid, ModelPolicy> models) =>
    [
        .. candidates
            .Where(c => models.ContainsKey(c.ModelId))
            .Select(c => new WeightedModel(models[c.ModelId], c.Priority, c.Weight))
            .OrderBy(c => c.Priority)
            .ThenBy(c => c.Model.Name, StringComparer.Ordinal),
    ];

    private static RoutePolicy CompileRoute(
        RouteDocument route,
        Dictionary<Guid, ModelPolicy> models,
        Dictionary<Guid, TierPolicy> tiers,
        Dictionary<Guid, FallbackRules> fallbacks)
    {
        var tier = route.TierId is { } tierId ? tiers.GetValueOrDefault(tierId) : null;
        return new RoutePolicy
        {
            Name = route.Name,
            Candidates = route.Candidates.Count > 0 ? Candidates(route.Candidates, models) : tier?.Models ?? [],
            TierName = tier?.Name,
            Strategy = route.Strategy,
            HedgeAfter = route.HedgeAfterMs is { } hedge ? TimeSpan.FromMilliseconds(hedge) : null,
            Fallback = route.FallbackPolicyId is { } fallbackId
                ? fallbacks.GetValueOrDefault(fallbackId, FallbackRules.Default)
                : FallbackRules.Default,
            RequiredRegion = route.RequiredRegion,
            CustomerFacing = route.CustomerFacing,
            Sensitivity = route.Sensitivity,
            PromptName = route.PromptName,
            PromptLabel = route.PromptLabel,
            CacheEnabled = route.CacheEnabled,
            CacheTtl = route.CacheTtlSeconds is { } ttl ? TimeSpan.FromSeconds(ttl) : null,
        };
    }

    private FallbackRules CompileFallback(TenantDocument tenant, FallbackDocument policy) => new()
    {
        Name = policy.Name,
        PerAttemptTimeout = Milliseconds(policy.PerAttemptTimeoutMs, FallbackRules.Default.PerAttemptTimeout),
        FirstTokenTimeout = Milliseconds(policy.FirstTokenTimeoutMs, FallbackRules.Default.FirstTokenTimeout),
        OverallDeadline = Milliseconds(policy.OverallDeadlineMs, FallbackRules.Default.OverallDeadline),
        MaxRetries = Math.Max(0, policy.MaxRetries),
        BackoffBase = Milliseconds(policy.BackoffBaseMs, FallbackRules.Default.BackoffBase),
        MaxCandidates = Math.Max(1, policy.MaxCandidates),
        RetryOn = ErrorClasses(tenant, policy, policy.RetryOn),
        FallbackOn = ErrorClasses(tenant, policy, policy.FallbackOn),
        BreakerFailureRatio = policy.BreakerFailureRatio,
        BreakerMinimumThroughput = policy.BreakerMinimumThroughput,
        BreakerSamplingDuration = TimeSpan.FromSeconds(policy.BreakerSamplingSeconds),
        BreakerBreakDuration = TimeSpan.FromSeconds(policy.BreakerBreakSeconds),
        DegradedMode = policy.DegradedMode,
        DegradedText = policy.DegradedText,
    };

    /// <summary>The names as written; an empty list means "none", not "the defaults".</summary>
    private FrozenSet<ErrorClass> ErrorClasses(TenantDocument tenant, FallbackDocument policy, IEnumerable<string> names)
    {
        var classes = new HashSet<ErrorClass>();
        foreach (var name in names)
        {
            if (ErrorClassNames.TryParse(name, out var errorClass))
            {
                classes.Add(errorClass);
            }
            else
            {
                Log.UnknownErrorClass(logger, name, policy.Name, tenant.Slug);
            }
        }

        return classes.ToFrozenSet();
    }

    /// <summary>A zero or negative duration would fail every call; the control plane validates, this is the backstop.</summary>
    private static TimeSpan Milliseconds(int value, TimeSpan fallback) => value > 0 ? TimeSpan.FromMilliseconds(value) : fallback;

    private static PromptPolicy CompilePrompt(PromptDocument prompt) => new(
        prompt.Name,
        prompt.Versions.ToFrozenDictionary(
            v => v.Version,
            v => new PromptVersionPolicy(v.Version, v.MessagesJson, [.. v.Variables], v.ParametersJson, v.ResponseSchemaJson)),
        prompt.Labels.ToFrozenDictionary(StringComparer.Ordinal));

    private static BudgetPolicy CompileBudget(BudgetDocument b) => new(
        b.Id, b.Name, b.Scope, b.ScopeValue, b.Period, b.CustomStart, b.CustomEnd, b.LimitUsd, b.Action,
        b.DowngradeTier, [.. b.ThresholdsPercent]);

    private static partial class Log
    {
        [LoggerMessage(1201, LogLevel.Warning,
            "The credential of provider '{Provider}' (tenant '{Tenant}') cannot be decrypted; the provider is kept without a credential.")]
        public static partial void CredentialUnreadable(ILogger logger, string provider, string tenant, Exception exception);

        [LoggerMessage(1202, LogLevel.Warning,
            "Fallback policy '{Policy}' (tenant '{Tenant}') names the unknown error class '{ErrorClass}'; it is ignored.")]
        public static partial void UnknownErrorClass(ILogger logger, string errorClass, string policy, string tenant);

        [LoggerMessage(1203, LogLevel.Warning,
            "Provider '{Provider}' (tenant '{Tenant}') has an invalid base URL; the provider and its models are skipped.")]
        public static partial void ProviderUrlInvalid(ILogger logger, string provider, string tenant);

        [LoggerMessage(1204, LogLevel.Warning,
            "Model '{Model}' (tenant '{Tenant}') has no usable provider; it is skipped.")]
        public static partial void ModelWithoutProvider(ILogger logger, string model, string tenant);
    }
}
