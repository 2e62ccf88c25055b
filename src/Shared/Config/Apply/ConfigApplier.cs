using Microsoft.EntityFrameworkCore;
using Platform.Shared.Data;
using Platform.Shared.Security;

namespace Platform.Shared.Config;

/// <summary>
/// Applies a config document idempotently. The file is authoritative for providers, models, tiers,
/// routes, fallback policies, budgets and prompt labels; prompt versions are append-only; API keys
/// and members are ensured, never deleted. A document with any error writes nothing.
/// </summary>
public sealed class ConfigApplier(PlatformDbContextFactory factory, ICredentialProtector protector, TimeProvider time)
{
    public async Task<ConfigApplyResult> ApplyAsync(ConfigDocument document, ConfigApplyOptions options, CancellationToken cancellationToken = default)
    {
        // A retrying strategy (SQL Server) replays the whole session, planning included, on a transient failure.
        await using var probe = factory.Create(null);
        var strategy = probe.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            ct => new ApplySession(factory, protector, time).RunAsync(document, options, ct),
            cancellationToken);
    }
}
