namespace Platform.ControlPlane.Jobs;

/// <summary>One recurring job: its Hangfire id, the <see cref="IPlatformJob"/> that does the work, and its cron.</summary>
internal sealed record RecurringJobDefinition(string Id, Type JobType, string Cron);
