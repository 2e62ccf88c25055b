using System.Text.Json;
using Platform.Simulator.Faults;

namespace Platform.Simulator.Chat;

/// <summary>How one provider spells an error: its status codes and its error body.</summary>
internal interface IErrorDialect
{
    int StatusFor(ErrorKind kind);

    void WriteError(Utf8JsonWriter writer, SimulatedError error);
}
