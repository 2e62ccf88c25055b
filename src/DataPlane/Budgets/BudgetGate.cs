using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.DataPlane.Configuration;
using Platform.DataPlane.Endpoints;
using Platform.DataPlane.Recording;
using Platform.DataPlane.Routing;
using Platform.Shared.Domain;

namespace Platform.DataPlane.Budgets;

/// <summary>
/// Request path step 4, budgets, run once the route is selected: downgrades the route when a
/// downgrade budget is used up, reserves the call's maximum cost in every budget that counts it,
/// refuses it (402 <c>budget_exceeded</c>) when a hard budget is used up, and warns in a header
/// when a soft one is. A budget is used up when spent + reserved has reached its limit.
/// </summary>
internal sealed partial class BudgetGate(
    BudgetLedger ledger,
    CandidateSelector selector,
    UsageRecorder recorder,
    IOptions<BudgetOptions> options,
    ILogger<BudgetGate> logger)
{
    public const string ExceededCode = "budget_exceeded";

    private readonly int _defaultMaxTokens = options.Value.DefaultMaxOutputTokens;

    /// <summary>
    /// The decision to execute (<see cref="CallContext.Decision"/>, or its downgrade), or null when
    /// the call was refused here (answered and recorded). Synchronous and free for a tenant without budgets.
    /// </summary>
    public ValueTask<RouteDecision?> AdmitAsync(HttpContext context, CallContext call, in ModelReference reference, in RequestRequirements needs) =>
        call.Tenant!.Budgets.Count == 0
            ? new ValueTask<RouteDecision?>(call.Decision)
            : AdmitBudgetedAsync(context, call, reference.Route, needs);

    private async ValueTask<RouteDecision?> AdmitBudgetedAsync(HttpContext context, CallContext call, RoutePolicy? route, RequestRequirements needs)
    {
        var decision = call.Decision!;
        if (ledger.Applicable(call) is not { } uses)
        {
            return decision;
        }

        foreach (var use in uses)
        {
            if (!use.Entry.IsLoaded)
            {
                await ledger.LoadAsync(use.Entry);
            }
        }

        decision = Downgrade(context, call, decision, uses, route, needs);
        var amount = MaxCallCost.NanoUsd(decision.Candidates, needs.EstimatedInputTokens, needs.MaxOutputTokens, _defaultMaxTokens);

        // Hard budgets first: a refusal then has only hard reservations to give back.
        for (var i = 0; i < uses.Length; i++)
        {
            if (uses[i].Budget.Action == BudgetAction.Hard && !uses[i].Entry.TryReserve(amount, uses[i].LimitNanoUsd))
            {
                for (var j = 0; j < i; j++)
                {
                    if (uses[j].Budget.Action == BudgetAction.Hard)
                    {
                        uses[j].Entry.Release(amount);
                    }
                }

                await RefuseAsync(context, call, uses[i]);
                return null;
            }
        }

        foreach (var use in uses)
        {
            if (use.Budget.Action == BudgetAction.Hard)
            {
                continue;
            }

            var committed = use.Entry.Reserve(amount);
            if (use.Budget.Action == BudgetAction.Soft && committed >= use.LimitNanoUsd)
            {
                context.Response.Headers.Append(ResponseHeaders.BudgetWarning, Warning(use.Budget, committed, use.LimitNanoUsd));
            }
        }

        var reservation = new BudgetReservation(uses, amount);
        call.Budget = reservation;
        context.Response.RegisterForDispose(reservation);
        return decision;
    }

    /// <summary>
    /// The first used-up downgrade budget re-selects the call as <c>tier:&lt;downgradeTier&gt;</c>,
    /// with the request's needs and its route's limits (region, private-only, customer-facing); the
    /// route's name and fallback policy stay. A tier that is missing or has no candidate for the
    /// request leaves the original decision.
    /// </summary>
    private RouteDecision Downgrade(HttpContext context, CallContext call, RouteDecision decision, BudgetUse[] uses, RoutePolicy? route, in RequestRequirements needs)
    {
        foreach (var use in uses)
        {
            var budget = use.Budget;
            if (budget.Action != BudgetAction.Downgrade || use.Entry.Committed < use.LimitNanoUsd)
            {
                continue;
            }

            if (budget.DowngradeTier is not { } tier)
            {
                LogDowngradeUnavailable(logger, budget.Name, "", "no downgrade tier is set");
                continue;
            }

            if (string.Equals(decision.TierName, tier, StringComparison.Ordinal))
            {
                return decision;
            }

            var reference = ModelReference.Resolve(ModelReference.TierPrefix + tier, call.Tenant!);
            var downgraded = selector.Select(call.Tenant!, call.Key!, reference, WithRouteLimits(needs, route));
            if (downgraded.Error is { } error)
            {
                LogDowngradeUnavailable(logger, budget.Name, tier, error.Message);
                continue;
            }

            downgraded = downgraded with { RouteName = decision.RouteName, Fallback = decision.Fallback };
            call.Decision = downgraded;
            context.Response.Headers[ResponseHeaders.BudgetDowngraded] = tier;
            return downgraded;
        }

        return decision;
    }

    private async Task RefuseAsync(HttpContext context, CallContext call, BudgetUse use)
    {
        var budget = use.Budget;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Budget '{budget.Name}' has reached its limit of ${BudgetMoney.Text(budget.LimitUsd)} per {BudgetPeriods.Name(budget.Period)} period; the period ends at {use.Entry.Window.End:yyyy-MM-ddTHH:mm:ssZ}.");
        await ErrorResponses.WriteAsync(context, call.Dialect, StatusCodes.Status402PaymentRequired, message, ExceededCode);
        recorder.Record(call, CallResult.Refused(StatusCodes.Status402PaymentRequired));
    }

    /// <summary><c>&lt;budget&gt;: &lt;pct&gt;% of $&lt;limit&gt; &lt;period&gt;</c>, e.g. <c>team: 104% of $5 month</c>.</summary>
    private static string Warning(BudgetPolicy policy, long committed, long limit)
    {
        var percent = limit > 0 ? (long)Math.Floor(committed * 100m / limit) : 100;
        return string.Create(CultureInfo.InvariantCulture, $"{policy.Name}: {percent}% of ${BudgetMoney.Text(policy.LimitUsd)} {BudgetPeriods.Name(policy.Period)}");
    }

    /// <summary>A tier has no limits of its own: the route's are added to the call's (the stricter wins).</summary>
    private static RequestRequirements WithRouteLimits(in RequestRequirements needs, RoutePolicy? route) => route is null ? needs : needs with
    {
        Region = Stricter(needs.Region, route.RequiredRegion),
        Sensitivity = route.Sensitivity == Sensitivity.PrivateOnly ? Sensitivity.PrivateOnly : needs.Sensitivity,
        CustomerFacing = needs.CustomerFacing || route.CustomerFacing,
    };

    /// <summary>Both must hold; when the route was served at all one contains the other (<c>eu</c>, <c>eu-west-1</c>), and the longer is the stricter.</summary>
    private static string? Stricter(string? call, string? route) =>
        call is null || (route is not null && route.Length > call.Length) ? route ?? call : call;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Budget '{Budget}' is used up but its downgrade tier '{Tier}' cannot serve the call ({Reason}); the call keeps its route.")]
    private static partial void LogDowngradeUnavailable(ILogger logger, string budget, string tier, string reason);
}
