using System.Globalization;
using System.Text;
using Platform.ControlPlane.Access;
using Platform.Shared.Management;
using Platform.Shared.Management.Operations;

namespace Platform.ControlPlane.Api;

/// <summary>
/// <c>/api/v1/config</c>: the HTTP face of <see cref="IConfigOperations"/>. <c>GET</c> exports the
/// caller's tenant as YAML (never a secret); <c>POST /preview</c> is a dry run of a file and
/// <c>POST /apply</c> applies it, both answering the change lines. The operation checks roles, the
/// tenant and member rights; here the body is read with its size limit, and a file's errors are
/// answered as a list with line and column.
/// </summary>
internal static class ConfigEndpoints
{
    private const int MaxChars = 1 << 20;

    public static void Map(RouteGroupBuilder api)
    {
        var config = api.MapGroup("/config").WithTags("Config as code");
        config.MapGet("", ExportAsync).Produces<string>(contentType: "text/yaml");
        config.MapPost("/preview", PreviewAsync).Accepts<string>("text/yaml");
        config.MapPost("/apply", ApplyAsync).Accepts<string>("text/yaml");
    }

    private static async Task<IResult> ExportAsync(IConfigOperations config, CancellationToken ct)
    {
        var exported = await config.ExportAsync(ct);
        return exported.Succeeded ? Results.Text(exported.Value, "text/yaml; charset=utf-8") : Problems.Of(exported.Failure);
    }

    private static async Task<IResult> PreviewAsync(HttpRequest request, IConfigOperations config, CancellationToken ct)
    {
        if (await ReadAsync(request, ct) is not { } yaml)
        {
            return TooLarge();
        }

        var outcome = await config.PreviewAsync(yaml, ct);
        return outcome.Succeeded ? Results.Ok(outcome.Value) : Refused(outcome.Failure);
    }

    private static async Task<IResult> ApplyAsync(HttpRequest request, IConfigOperations config, CancellationToken ct)
    {
        if (await ReadAsync(request, ct) is not { } yaml)
        {
            return TooLarge();
        }

        var outcome = await config.ApplyAsync(yaml, ct);
        return outcome.Succeeded ? Results.Ok(outcome.Value.Changes) : Refused(outcome.Failure);
    }

    /// <returns>The body, or null when it is longer than <see cref="MaxChars"/>.</returns>
    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxChars * 4L)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxChars)
            {
                return null;
            }
        }

        return text.ToString();
    }

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
            detail: $"A config file may have at most {MaxChars} characters.");

    /// <summary>A file's errors as a list (<c>errors[i].line</c>, ...); any other refusal as the operations' problem details.</summary>
    private static IResult Refused(Failure failure)
    {
        if (failure.Status != OutcomeStatus.Invalid || failure.Errors.ContainsKey("yaml"))
        {
            return failure.Errors.TryGetValue("yaml", out var messages) ? Problems.BadRequest(messages[0]) : Problems.Of(failure);
        }

        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid config",
            detail: failure.Detail,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = failure.Errors.SelectMany(e => e.Value.Select(message => View(e.Key, message))).ToList(),
            });
    }

    /// <summary>Back from the operation's key (<c>config.yaml:12:7</c>, see <see cref="IConfigOperations"/>) to the error's parts.</summary>
    private static ConfigErrorView View(string location, string message)
    {
        var parts = location.Split(':');
        var (line, column) = parts.Length >= 3
            && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var l)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var c)
                ? (l, c)
                : (0, 0);
        return new ConfigErrorView($"{location}: {message}", line, column, message);
    }
}
