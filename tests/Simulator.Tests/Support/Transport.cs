namespace Platform.Simulator.Tests.Support;

/// <summary>Asserts on connection-level failures, which .NET reports as HttpRequestException or IOException.</summary>
public static class Transport
{
    public static async Task<Exception> AssertFailsAsync(Func<Task> action)
    {
        var exception = await Record.ExceptionAsync(action);
        Assert.NotNull(exception);
        Assert.True(
            exception is HttpRequestException or IOException,
            $"Expected a transport failure, got {exception.GetType().Name}: {exception.Message}");
        return exception;
    }

    /// <summary>Reads a streamed body line by line until it ends or breaks; returns the lines and the failure.</summary>
    public static async Task<(List<string> Lines, Exception? Failure)> ReadLinesAsync(HttpResponseMessage response)
    {
        var lines = new List<string>();
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync();
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }

            return (lines, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return (lines, exception);
        }
    }
}
