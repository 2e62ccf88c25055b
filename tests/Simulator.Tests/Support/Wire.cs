namespace Platform.Simulator.Tests.Support;

public enum Wire
{
    OpenAi,
    Anthropic,
    Gemini,
}
