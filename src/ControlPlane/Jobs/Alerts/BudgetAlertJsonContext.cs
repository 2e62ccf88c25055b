using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ControlPlane.Jobs.Alerts;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BudgetAlertPayload))]
internal sealed partial class BudgetAlertJsonContext : JsonSerializerContext;
