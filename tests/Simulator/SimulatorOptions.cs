namespace Platform.Simulator;

/// <summary>Start-up settings of the upstream simulator.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Model ids listed by <c>GET /v1/models</c> (scripted models are listed too).</summary>
    public static readonly IReadOnlyList<string> DefaultModels =
    [
        "gpt-4o-mini",
        "gpt-4o",
        "text-embedding-3-small",
        "claude-3-5-haiku-latest",
        "claude-sonnet-4-5",
        "gemini-2.0-flash",
        "gemini-2.5-pro",
    ];

    /// <summary>Loopback port for <see cref="SimulatorServer.StartAsync"/>; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>JSON file of per-model scripts: <c>{"model-id": {script}, "*": {script}}</c>.</summary>
    public string? ScriptFile { get; init; }

    /// <summary>Per-model scripts installed at start, after those of <see cref="ScriptFile"/>.</summary>
    public IReadOnlyDictionary<string, ModelScript>? Scripts { get; init; }

    public IReadOnlyList<string> Models { get; init; } = DefaultModels;

    /// <summary>Vector length of <c>/v1/embeddings</c> when the request has no <c>dimensions</c>.</summary>
    public int DefaultEmbeddingDimensions { get; init; } = 64;

    /// <summary>Reads the <c>Simulator</c> configuration section (<c>--Simulator:ScriptFile=path.json</c>).</summary>
    public static SimulatorOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Simulator");
        var dimensions = int.TryParse(section["EmbeddingDimensions"], out var value) && value > 0 ? value : 64;
        return new SimulatorOptions
        {
            ScriptFile = string.IsNullOrWhiteSpace(section["ScriptFile"]) ? null : section["ScriptFile"],
            DefaultEmbeddingDimensions = dimensions,
        };
    }
}
