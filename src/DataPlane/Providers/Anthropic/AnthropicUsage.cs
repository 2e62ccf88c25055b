using System.Text.Json;
using Platform.DataPlane.Providers.Http;

namespace Platform.DataPlane.Providers.Anthropic;

/// <summary>
/// Anthropic usage as it arrives: whole in a response, or split over message_start (input) and message_delta
/// (output; newer API versions repeat the input counts there). Fields present later overwrite earlier ones.
/// </summary>
internal sealed class AnthropicUsage
{
    private int _input;
    private int _cacheRead;
    private int _cacheCreation;
    private int _output;

    public bool Seen { get; private set; }

    /// <summary>Reads the <c>usage</c> value after its property name.</summary>
    public void Read(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        Seen = true;
        while (UpstreamJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("input_tokens"u8))
            {
                _input = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("cache_read_input_tokens"u8))
            {
                _cacheRead = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("cache_creation_input_tokens"u8))
            {
                _cacheCreation = UpstreamJson.Int(ref reader);
            }
            else if (reader.ValueTextEquals("output_tokens"u8))
            {
                _output = UpstreamJson.Int(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    public Chat.Usage ToUsage() => new(_input + _cacheRead + _cacheCreation, _output, _cacheRead);
}
