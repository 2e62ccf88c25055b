using Platform.DataPlane.Recording;

namespace Platform.DataPlane.Budgets;

internal static class BudgetServiceCollectionExtensions
{
    public static IServiceCollection AddBudgets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BudgetOptions>()
            .Bind(configuration.GetSection(BudgetOptions.Section))
            .Validate(o => o.RefreshInterval > TimeSpan.Zero && o.LoadTimeout > TimeSpan.Zero && o.IdleAfter > TimeSpan.Zero, "Budget intervals must be positive.")
            .Validate(o => o.DefaultMaxOutputTokens > 0, "DataPlane:Budgets:DefaultMaxOutputTokens must be positive.")
            .ValidateOnStart();
        services.AddSingleton<BudgetLedger>();
        services.AddSingleton<ICallSettlement>(sp => sp.GetRequiredService<BudgetLedger>());
        services.AddSingleton<BudgetGate>();
        services.AddHostedService<BudgetRefreshService>();
        return services;
    }
}
