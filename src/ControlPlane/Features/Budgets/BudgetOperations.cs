using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Api;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Features.Budgets;

/// <summary>
/// Budgets in the config format's words. The shape rules are <see cref="BudgetInputValidator"/>'s;
/// the ones that need the tenant's rows (the downgrade tier and the scoped API key exist) are
/// checked here, as field errors like the config apply's. Reads are open to every role; writes need
/// <see cref="Permission.Configure"/>, checked before validation so a viewer learns nothing from errors.
/// </summary>
internal sealed class BudgetOperations(
    PlatformDbContext db, Caller caller, AuditLog audit, IValidator<BudgetInput> validator, TimeProvider time) : IBudgetOperations
{
    private const string What = "budget";

    private static readonly Dictionary<string, BudgetScope> ScopeKinds = new(StringComparer.Ordinal)
    {
        ["tenant"] = BudgetScope.Tenant,
        ["feature"] = BudgetScope.Feature,
        ["key"] = BudgetScope.ApiKey,
    };

    public async Task<Outcome<Page<BudgetView>>> ListAsync(BudgetQuery query, CancellationToken ct)
    {
        var rows = await RowsAsync(query, ct);
        return rows.Succeeded ? Outcome.Ok(Map(rows.Value, View)) : rows.Failure;
    }

    public async Task<Outcome<Page<BudgetProgressView>>> ProgressAsync(BudgetQuery query, CancellationToken ct)
    {
        var rows = await RowsAsync(query, ct);
        if (!rows.Succeeded)
        {
            return rows.Failure;
        }

        // One spend read per budget on the page: a page is at most 200 budgets, and each read is the
        // alert job's own, which keeps the bar and the alerts in agreement.
        var now = time.GetUtcNow().UtcDateTime;
        var items = new List<BudgetProgressView>(rows.Value.Items.Count);
        foreach (var budget in rows.Value.Items)
        {
            items.Add(new BudgetProgressView(View(budget), await BudgetSpend.ReadAsync(db, budget, now, ct)));
        }

        return Outcome.Ok(new Page<BudgetProgressView>(items, rows.Value.PageNumber, rows.Value.PageSize, rows.Value.Total));
    }

    public async Task<Outcome<BudgetView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        return await db.Budgets.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is { } budget
            ? Outcome.Ok(View(budget), ETagOf(budget))
            : Failure.NotFound(What);
    }

    public async Task<Outcome<BudgetView>> CreateAsync(BudgetInput input, CancellationToken ct)
    {
        if ((caller.Refuses(Permission.Configure) ?? await InvalidAsync(input, ct)) is { } refusal)
        {
            return refusal;
        }

        if (await db.Budgets.AnyAsync(b => b.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var budget = new Budget { Name = input.Name };
        Apply(budget, input);
        db.Budgets.Add(budget);
        audit.Add(db, "create", "budget", budget.Id, null, View(budget));
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(View(budget), ETagOf(budget));
    }

    public async Task<Outcome<BudgetView>> UpdateAsync(Guid id, BudgetInput input, string? ifMatch, CancellationToken ct)
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

        var budget = found.Value;
        if (input.Name != budget.Name && await db.Budgets.AnyAsync(b => b.Name == input.Name, ct))
        {
            return NameTaken(input.Name);
        }

        var before = View(budget);
        budget.Name = input.Name;
        Apply(budget, input);
        return await SaveAsync("update", budget, before, View(budget), ct) ?? Outcome.Ok(View(budget), ETagOf(budget));
    }

    public async Task<Outcome<BudgetView>> DeleteAsync(Guid id, string? ifMatch, CancellationToken ct)
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

        var budget = found.Value;
        var before = View(budget);
        db.Budgets.Remove(budget);
        return await SaveAsync("delete", budget, before, null, ct) ?? Outcome.Ok(before);
    }

    private async Task<Outcome<Page<Budget>>> RowsAsync(BudgetQuery query, CancellationToken ct)
    {
        if (caller.Refuses(Permission.Read) is { } refusal)
        {
            return refusal;
        }

        BudgetScope? kind = null;
        if (!string.IsNullOrEmpty(query.Scope))
        {
            if (!ScopeKinds.TryGetValue(query.Scope, out var parsed))
            {
                return Failure.Invalid(nameof(BudgetQuery.Scope), $"Unknown scope '{query.Scope}'; use tenant, feature or key.");
            }

            kind = parsed;
        }

        var paging = Paging.From(query.Page, query.PageSize);
        var budgets = db.Budgets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            budgets = budgets.Where(b => b.Name.Contains(query.Name));
        }

        if (kind is { } k)
        {
            budgets = budgets.Where(b => b.Scope == k);
        }

        var total = await budgets.CountAsync(ct);
        var rows = await budgets.OrderBy(b => b.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Outcome.Ok(new Page<Budget>(rows, paging.PageNumber, paging.PageSize, total));
    }

    /// <summary>The tracked row, if it is in the tenant and the caller's If-Match still holds.</summary>
    private async Task<Outcome<Budget>> FindAsync(Guid id, string? ifMatch, CancellationToken ct)
    {
        if (await db.Budgets.SingleOrDefaultAsync(b => b.Id == id, ct) is not { } budget)
        {
            return Failure.NotFound(What);
        }

        return ConcurrencyStamps.IfMatchFails(ifMatch, budget.ConcurrencyStamp) ? Failure.PreconditionFailed() : Outcome.Ok(budget);
    }

    /// <summary>The shared validator's rules, then the ones that need the tenant's rows, as the config apply makes them.</summary>
    private async Task<Failure?> InvalidAsync(BudgetInput input, CancellationToken ct)
    {
        if (await validator.ValidateAsync(input, ct) is { IsValid: false } result)
        {
            return Failure.Invalid(result);
        }

        var errors = new Dictionary<string, string[]>();
        if (input.DowngradeTier is { } tier && !await db.Tiers.AnyAsync(t => t.Name == tier, ct))
        {
            errors[nameof(BudgetInput.DowngradeTier)] = [$"There is no tier '{tier}'."];
        }

        var (scope, value) = BudgetWords.ParseScope(input.Scope);
        if (scope == BudgetScope.ApiKey && !await db.ApiKeys.AnyAsync(k => k.Name == value && k.RevokedAt == null, ct))
        {
            errors[nameof(BudgetInput.Scope)] = [$"There is no active API key named '{value}'."];
        }

        return errors.Count == 0 ? null : Failure.Invalid(errors);
    }

    /// <returns>Null when saved; a precondition failure when the row changed since it was read (the stamp moved).</returns>
    private async Task<Failure?> SaveAsync(string action, Budget budget, BudgetView before, BudgetView? after, CancellationToken ct)
    {
        audit.Add(db, action, "budget", budget.Id, before, after);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.PreconditionFailed();
        }
    }

    private static Failure NameTaken(string name) =>
        Failure.Conflict($"A budget named '{name}' already exists.", nameof(BudgetInput.Name));

    private static string ETagOf(Budget budget) => ConcurrencyStamps.ETagOf(budget.ConcurrencyStamp);

    private static Page<TOut> Map<TOut>(Page<Budget> page, Func<Budget, TOut> map) =>
        new([.. page.Items.Select(map)], page.PageNumber, page.PageSize, page.Total);

    private static void Apply(Budget budget, BudgetInput input)
    {
        (budget.Scope, budget.ScopeValue) = BudgetWords.ParseScope(input.Scope);
        budget.Period = BudgetWords.ParsePeriod(input.Period);
        budget.CustomStart = input.Start;
        budget.CustomEnd = input.End;
        budget.LimitUsd = input.LimitUsd;
        budget.Action = BudgetWords.ParseAction(input.Action);
        budget.DowngradeTier = input.DowngradeTier;
        budget.ThresholdsPercent = [.. input.Thresholds];
        budget.AlertEmails = [.. input.AlertEmails];
        budget.AlertWebhookUrl = input.AlertWebhookUrl;
    }

    internal static BudgetView View(Budget b) => new(
        b.Id, b.Name, BudgetWords.Scope(b.Scope, b.ScopeValue), BudgetWords.Period(b.Period), b.CustomStart, b.CustomEnd,
        b.LimitUsd, BudgetWords.Action(b.Action), b.DowngradeTier, b.ThresholdsPercent, b.AlertEmails, b.AlertWebhookUrl,
        b.CreatedAt, b.UpdatedAt);
}
