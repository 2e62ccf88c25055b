using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.DataPlane.Providers.Anthropic;
using Platform.DataPlane.Providers.Gemini;
using Platform.DataPlane.Providers.Http;
using Platform.DataPlane.Providers.OpenAi;
using Platform.Shared.Hosting;

namespace Platform.DataPlane.Providers;

internal static class ProviderAdapterServiceCollectionExtensions
{
    /// <summary>
    /// The adapters and the one shared upstream <see cref="HttpClient"/> (YARP-style handler, no overall timeout:
    /// the executor's cancellation bounds every attempt). It connects under the registered
    /// <see cref="OutboundAddressPolicy"/>, or the default one when none is (tests that compose these services alone).
    /// </summary>
    public static IServiceCollection AddProviderAdapters(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new UpstreamHttpClient(
            UpstreamHttpClient.CreateClient(provider.GetService<OutboundAddressPolicy>()), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<OpenAiCompatibleAdapter>();
        services.TryAddSingleton<AnthropicAdapter>();
        services.TryAddSingleton<GeminiAdapter>();
        services.TryAddSingleton<ProviderAdapters>();
        return services;
    }
}
