using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ControlPlane.Access;
using Platform.ControlPlane.Jobs.Alerts;
using Platform.Shared.Data;
using Platform.Shared.Domain;
using Platform.Shared.Management;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/budgets</c>: spend limits with their alert rule (thresholds, e-mails, webhook), in
/// the config format's words, and <c>/budgets/{id}/alerts</c>, the thresholds crossed so far. The
/// shape rules are <see cref="BudgetInputValidator"/>'s; the ones that need the database (the
/// downgrade tier and the scoped API key exist) are checked here, both as 400s.
/// </summary>
internal static class BudgetEndpoints
{
    private static readonly Dictionary<string, BudgetScope> ScopeKinds = new(StringComparer.Ordinal)
    {
        ["tenant"] = BudgetScope.Tenant,
        ["feature"] = BudgetScope.Feature,
        ["key"] = BudgetScope.ApiKey,
    };

    public static void Map(RouteGroupBuilder api)
    {
        var budgets = api.MapGroup("/budgets").WithTags("Budgets");
        budgets.MapGet("", ListAsync);
        budgets.MapGet("/{id:guid}", GetAsync);
        budgets.MapGet("/{id:guid}/alerts", AlertsAsync).Produces<Page<BudgetAlertView>>();
        budgets.MapPost("", CreateAsync).Validates<BudgetInput>().Requires(Permission.Configure);
        budgets.MapPut("/{id:guid}", UpdateAsync).Validates<BudgetInput>().Requires(Permission.Configure);
        budgets.MapDelete("/{id:guid}", DeleteAsync).Requires(Permission.Configure);
    }

    /// <param name="scope"><c>tenant</c>, <c>feature</c> or <c>key</c>: only budgets of that kind of scope.</param>
    private static async Task<IResult> ListAsync(PlatformDbContext db, string? name, string? scope, int? page, int? pageSize, CancellationToken ct)
    {
        BudgetScope? kind = null;
        if (!string.IsNullOrEmpty(scope))
        {
            if (!ScopeKinds.TryGetValue(scope, out var parsed))
            {
                return Problems.BadRequest($"Unknown scope '{scope}'; use tenant, feature or key.");
            }

            kind = parsed;
        }

        var paging = Paging.From(page, pageSize);
        var query = db.Budgets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(b => b.Name.Contains(name));
        }

        if (kind is { } k)
        {
            query = query.Where(b => b.Scope == k);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(b => b.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return Results.Ok(new Page<BudgetView>([.. rows.Select(View)], paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> GetAsync(Guid id, PlatformDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (await db.Budgets.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is not { } budget)
        {
            return Problems.NotFound("budget");
        }

        ETags.Set(response, budget);
        return Results.Ok(View(budget));
    }

    /// <summary>Newest period first, then highest threshold; with each alert's deliveries (see <see cref="AlertEndpoints"/>).</summary>
    private static async Task<IResult> AlertsAsync(
        Guid id, PlatformDbContext db, IOptions<BudgetAlertOptions> options, TimeProvider time, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.Budgets.AnyAsync(b => b.Id == id, ct))
        {
            return Problems.NotFound("budget");
        }

        var paging = Paging.From(page, pageSize);
        var query = db.Alerts.AsNoTracking().Where(a => a.BudgetId == id);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.PeriodStart).ThenByDescending(a => a.ThresholdPercent)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var views = await AlertEndpoints.ViewsAsync(db, rows, options.Value.WebhookMaxAttempts, time.GetUtcNow().UtcDateTime, ct);
        return Results.Ok(new Page<BudgetAlertView>(views, paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<IResult> CreateAsync(BudgetInput input, PlatformDbContext db, AuditLog audit, HttpResponse response, CancellationToken ct)
    {
        if (await ReferencesAsync(db, input, ct) is { } invalid)
        {
            return invalid;
        }

        if (await db.Budgets.AnyAsync(b => b.Name == input.Name, ct))
        {
            return Problems.Conflict($"A budget named '{input.Name}' already exists.");
        }

        var budget = new Budget { Name = input.Name };
        Apply(budget, input);
        db.Budgets.Add(budget);
        audit.Add(db, "create", "budget", budget.Id, null, View(budget));
        await db.SaveChangesAsync(ct);
        ETags.Set(response, budget);
        return Results.Created($"/api/v1/budgets/{budget.Id}", View(budget));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, BudgetInput input, PlatformDbContext db, AuditLog audit, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        if (await db.Budgets.SingleOrDefaultAsync(b => b.Id == id, ct) is not { } budget)
        {
            return Problems.NotFound("budget");
        }

        if (ETags.IfMatchFails(request, budget))
        {
            return Problems.PreconditionFailed();
        }

        if (await ReferencesAsync(db, input, ct) is { } invalid)
        {
            return invalid;
        }

        if (input.Name != budget.Name && await db.Budgets.AnyAsync(b => b.Name == input.Name, ct))
        {
            return Problems.Conflict($"A budget named '{input.Name}' already exists.");
        }

        var before = View(budget);
        budget.Name = input.Name;
        Apply(budget, input);
        audit.Add(db, "update", "budget", budget.Id, before, View(budget));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed();
        }

        ETags.Set(response, budget);
        return Results.Ok(View(budget));
    }

    /// <summary>The budget's alert rows stay: they are history, and a config apply that drops a budget keeps them too.</summary>
    private static async Task<IResult> DeleteAsync(Guid id, PlatformDbContext db, AuditLog audit, HttpRequest request, CancellationToken ct)
    {
        if (await db.Budgets.SingleOrDefaultAsync(b => b.Id == id, ct) is not { } budget)
        {
            return Problems.NotFound("budget");
        }

        if (ETags.IfMatchFails(request, budget))
        {
            return Problems.PreconditionFailed();
        }

        db.Budgets.Remove(budget);
        audit.Add(db, "delete", "budget", budget.Id, View(budget), null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed();
        }

        return Results.NoContent();
    }

    /// <summary>The checks that need the tenant's rows, as the config apply makes them: 400 naming the field.</summary>
    private static async Task<IResult?> ReferencesAsync(PlatformDbContext db, BudgetInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.DowngradeTier is { } tier && !await db.Tiers.AnyAsync(t => t.Name == tier, ct))
        {
            errors["downgradeTier"] = [$"There is no tier '{tier}'."];
        }

        var (scope, value) = BudgetWords.ParseScope(input.Scope);
        if (scope == BudgetScope.ApiKey && !await db.ApiKeys.AnyAsync(k => k.Name == value && k.RevokedAt == null, ct))
        {
            errors["scope"] = [$"There is no active API key named '{value}'."];
        }

        return errors.Count == 0 ? null : Results.ValidationProblem(errors, title: "Invalid input");
    }

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

    private static BudgetView View(Budget b) => new(
        b.Id, b.Name, BudgetWords.Scope(b.Scope, b.ScopeValue), BudgetWords.Period(b.Period), b.CustomStart, b.CustomEnd,
        b.LimitUsd, BudgetWords.Action(b.Action), b.DowngradeTier, b.ThresholdsPercent, b.AlertEmails, b.AlertWebhookUrl,
        b.CreatedAt, b.UpdatedAt);
}
