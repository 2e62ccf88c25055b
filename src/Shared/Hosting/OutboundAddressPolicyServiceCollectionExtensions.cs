using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Shared.Hosting;

public static class OutboundAddressPolicyServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="OutboundAddressPolicy"/> that configuration asks for.</summary>
    public static IServiceCollection AddOutboundAddressPolicy(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(OutboundAddressPolicy.From(configuration));
}
