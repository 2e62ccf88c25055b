using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Forwarding;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Tests.Configuration;

public sealed class PolicyCompilerTests : IDisposable
{
    private readonly PolicyTestEnvironment _env = new();

    [Fact]
    public async Task Reload_SeededTenant_CompilesRoutesTiersPromptsAndBudgets()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        var (policy, _) = await LoadAsync(tenant.Id);

        Assert.Equal(tenant.Slug, policy.Slug);
        Assert.Equal(await _env.ConfigVersionAsync(tenant.Id), policy.ConfigVersion);
        Assert.Equal(new[] { "openai/gpt-a", "openai/gpt-b", "anthropic/claude" }, policy.Tiers["general"].Models.Select(m => m.Model.Name));

        var summary = policy.Routes["support_summary"];
        Assert.Equal("general", summary.TierName);
        Assert.Equal(new[] { "openai/gpt-a", "openai/gpt-b", "anthropic/claude" }, summary.Candidates.Select(c => c.Model.Name));
        Assert.Equal(3, summary.Candidates[0].Weight);
        Assert.Equal(RoutingStrategy.Weighted, summary.Strategy);
        Assert.Equal(TimeSpan.FromMilliseconds(800), summary.HedgeAfter);
        Assert.Equal(TimeSpan.FromSeconds(60), summary.CacheTtl);
        Assert.True(summary.CustomerFacing);
        Assert.Equal(Sensitivity.Redact, summary.Sensitivity);
        Assert.Equal(("summary", "production"), (summary.PromptName, summary.PromptLabel));
        Assert.Same(policy.Models["openai/gpt-a"], summary.Candidates[0].Model);

        var prompt = policy.Prompts["summary"];
        Assert.Equal(1, prompt.Labels["production"]);
        Assert.Equal(2, prompt.Labels["staging"]);
        Assert.Contains("v2 {{topic}}", prompt.Versions[2].MessagesJson, StringComparison.Ordinal);
        Assert.Equal(new[] { "topic" }, prompt.Versions[1].Variables);

        var budget = Assert.Single(policy.Budgets);
        Assert.Equal(("monthly", 100.5m, BudgetAction.Downgrade, "general"), (budget.Name, budget.LimitUsd, budget.Action, budget.DowngradeTier));
        Assert.Equal(new[] { 50, 80, 100 }, budget.ThresholdsPercent);
    }

    [Fact]
    public async Task Reload_RouteWithOwnCandidates_UsesThemInPriorityOrderInsteadOfTier()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        var (policy, _) = await LoadAsync(tenant.Id);

        var route = policy.Routes["explicit"];
        Assert.Equal(new[] { "openai/gpt-a", "anthropic/claude" }, route.Candidates.Select(c => c.Model.Name));
        Assert.Equal(new[] { 0, 1 }, route.Candidates.Select(c => c.Priority));
        Assert.Equal(5, route.Candidates[0].Weight);
        Assert.Same(FallbackRules.Default, route.Fallback);
    }

    [Fact]
    public async Task Reload_FallbackPolicy_MapsNamesToErrorClassesAndWarnsOnUnknown()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        var (policy, _) = await LoadAsync(tenant.Id);

        var rules = policy.Routes["support_summary"].Fallback;
        Assert.Equal("careful", rules.Name);
        Assert.Equal(new HashSet<ErrorClass> { ErrorClass.Timeout, ErrorClass.RateLimited }, rules.RetryOn.ToHashSet());
        Assert.Equal(new HashSet<ErrorClass> { ErrorClass.ServerError, ErrorClass.ContextLength }, rules.FallbackOn.ToHashSet());
        Assert.Equal(TimeSpan.FromSeconds(5), rules.PerAttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), rules.FirstTokenTimeout);
        Assert.Equal((2, 2), (rules.MaxCandidates, rules.MaxRetries));
        Assert.Equal((DegradedMode.FixedText, "Try again later."), (rules.DegradedMode, rules.DegradedText));
        Assert.Contains(_env.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("'no_such_class'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_EncryptedCredentials_AreDecryptedAndDisabledProvidersKept()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        var (policy, _) = await LoadAsync(tenant.Id);

        Assert.Equal(PolicySeed.OpenAiSecret, policy.Providers["openai"].Credential);
        Assert.Equal(new Uri("http://127.0.0.1:5999/v1"), policy.Providers["openai"].BaseUrl);
        Assert.Equal(PolicySeed.AnthropicSecret, policy.Providers["anthropic"].Credential);
        Assert.False(policy.Providers["anthropic"].Enabled);
        Assert.True(policy.Models["anthropic/claude"].Enabled);
        Assert.False(policy.Models["anthropic/claude"].Provider.Enabled);
        Assert.False(policy.Models["broken/x"].Enabled);
        Assert.DoesNotContain(PolicySeed.OpenAiSecret, policy.Providers["openai"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_UndecryptableCredential_KeepsProviderWithoutCredentialAndLogsNameNotSecret()
    {
        var tenant = await _env.CreateTenantAsync();
        await PolicySeed.SeedAsync(_env, tenant);
        var (policy, _) = await LoadAsync(tenant.Id);

        var broken = policy.Providers["broken"];
        Assert.Null(broken.Credential);
        Assert.Same(broken, policy.Models["broken/x"].Provider);
        var warning = Assert.Single(_env.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("cannot be decrypted", StringComparison.Ordinal));
        Assert.Contains("'broken'", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_env.Logs.Lines, l =>
            l.FullText.Contains(PolicySeed.BrokenPayload, StringComparison.Ordinal)
            || l.FullText.Contains(PolicySeed.OpenAiSecret, StringComparison.Ordinal)
            || l.FullText.Contains(PolicySeed.AnthropicSecret, StringComparison.Ordinal));
    }

    private async Task<(TenantPolicy Policy, PolicySnapshot Snapshot)> LoadAsync(Guid tenantId)
    {
        var services = _env.BuildDataPlane();
        Assert.True(await services.GetRequiredService<PolicyLoader>().ReloadNowAsync());
        var snapshot = services.GetRequiredService<PolicyStore>().Current;
        Assert.False(snapshot.FromLastKnownGood);
        return (snapshot.Tenants[tenantId], snapshot);
    }

    public void Dispose() => _env.Dispose();
}
