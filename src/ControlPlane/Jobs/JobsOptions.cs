namespace Platform.ControlPlane.Jobs;

internal sealed record JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether recurring jobs run on their schedule. Tests turn it off and run jobs directly, so a
    /// scheduled run never races the run a test asserts on.
    /// </summary>
    public bool Schedule { get; init; } = true;

    /// <summary>Hangfire workers on this node.</summary>
    public int WorkerCount { get; init; } = 2;

    /// <summary>The dashboard's public base URL, for links in e-mails.</summary>
    public string DashboardUrl { get; init; } = "http://127.0.0.1:5200";
}
