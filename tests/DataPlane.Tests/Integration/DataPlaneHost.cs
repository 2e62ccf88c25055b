using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Platform.DataPlane.Tests.Integration;

/// <summary>The real data plane host (<c>Program</c>) on a test server, pointed at a data directory.</summary>
internal static class DataPlaneHost
{
    public const string PollInterval = "00:00:00.200";

    public static WebApplicationFactory<Program> Create(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Database:DataDirectory", dataDirectory);
            web.UseSetting("DataPlane:PolicyPollInterval", PollInterval);
            foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(name, value);
            }

            // Failures are the point of many tests; their warnings would bury the test output.
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
        });
}
