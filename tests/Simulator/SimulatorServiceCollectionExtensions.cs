using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Simulator.Chat;
using Platform.Simulator.Control;
using Platform.Simulator.Faults;
using Platform.Simulator.Gemini;
using Platform.Simulator.OpenAi;
using Platform.Simulator.Scripting;

namespace Platform.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>Registers the simulator; a bad <see cref="SimulatorOptions.ScriptFile"/> fails at <c>MapSimulator</c>.</summary>
    public static IServiceCollection AddSimulator(this IServiceCollection services, SimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        options ??= new SimulatorOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(_ => ScriptFileLoader.CreateRegistry(options));
        services.AddSingleton(_ => new SimulatorStats());
        services.AddSingleton<ScriptResolver>();
        services.AddSingleton<RequestGate>();
        services.AddSingleton<ReplyPlanner>();
        services.AddSingleton<ChatPipeline>();
        services.AddSingleton<EmbeddingsEndpoint>();
        services.AddSingleton<ModelsEndpoint>();
        services.AddSingleton<GeminiEndpoint>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SimulatorJsonContext.Default));
        return services;
    }
}
