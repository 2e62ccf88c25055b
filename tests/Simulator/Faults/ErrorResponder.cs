using System.Globalization;
using Microsoft.Net.Http.Headers;
using Platform.Simulator.Chat;
using Platform.Simulator.Streaming;

namespace Platform.Simulator.Faults;

internal static class ErrorResponder
{
    public static async Task WriteAsync(HttpContext context, IErrorDialect dialect, SimulatedError error, int retryAfterSeconds = 1)
    {
        using var frames = new FrameBuffer();
        dialect.WriteError(frames.BeginJson([]), error);
        frames.EndJson([]);
        if (error.Kind == ErrorKind.RateLimited)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        await ResponsePlayer.PlayBufferedAsync(context, frames.Written, dialect.StatusFor(error.Kind), SimulatorFault.None);
    }
}
