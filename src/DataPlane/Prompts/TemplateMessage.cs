using Platform.DataPlane.Chat;

namespace Platform.DataPlane.Prompts;

/// <summary>One template message: its role and its text as literal and variable pieces.</summary>
internal sealed record TemplateMessage(ChatRole Role, TemplateSegment[] Segments);
