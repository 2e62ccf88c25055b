using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Platform.Shared.Config;

/// <summary>
/// Reads a config file through YamlDotNet's representation model, so every error, from a syntax
/// error to a dangling reference, carries its line and column. All errors are collected.
/// </summary>
public static class ConfigParser
{
    /// <param name="yaml">The file's text.</param>
    /// <param name="fileName">Used in error messages.</param>
    /// <param name="environment">Resolves <c>${VAR}</c>; defaults to the process environment.</param>
    public static ConfigParseResult Parse(string yaml, string fileName, Func<string, string?>? environment = null)
    {
        var context = new ParseContext(fileName, environment ?? Environment.GetEnvironmentVariable);
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            context.Error(e.Start, SyntaxMessage(e));
            return new ConfigParseResult(null, context.Errors);
        }
        catch (InvalidOperationException)
        {
            // Some malformed input (an unclosed flow list) trips the scanner without a YamlException.
            context.Error(scanner.CurrentPosition, "YAML syntax error: unexpected text; check for an unclosed '[', '{' or quote above");
            return new ConfigParseResult(null, context.Errors);
        }

        if (stream.Documents.Count != 1)
        {
            context.Error(context.FileStart, stream.Documents.Count == 0 ? "the file is empty" : "the file must hold exactly one YAML document");
            return new ConfigParseResult(null, context.Errors);
        }

        var document = DocumentReader.Read(context, stream.Documents[0].RootNode);
        return context.Errors.Count == 0
            ? new ConfigParseResult(document, [])
            : new ConfigParseResult(null, context.Errors);
    }

    public static async Task<ConfigParseResult> ParseFileAsync(
        string path, Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, path, environment);
    }

    private static string SyntaxMessage(YamlException e)
    {
        // YamlDotNet prefixes the message with the marks again; the location is already in front.
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
        return $"YAML syntax error: {text}";
    }
}
