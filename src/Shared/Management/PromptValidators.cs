using System.Text.Json;
using FluentValidation;
using Platform.Shared.Config;

namespace Platform.Shared.Management;

public sealed class PromptInputValidator : AbstractValidator<PromptInput>
{
    public PromptInputValidator()
    {
        RuleFor(p => p.Name).Must(Rules.IsName)
            .WithMessage("Name may use only letters, digits, '.', '_' and '-' (at most 100), starting with a letter or digit.");
        RuleFor(p => p.Description).MaximumLength(2000);
    }
}

public sealed class PromptUpdateInputValidator : AbstractValidator<PromptUpdateInput>
{
    public PromptUpdateInputValidator() => RuleFor(p => p.Description).MaximumLength(2000);
}

/// <summary>The config parser's rules for a version (roles, declared variables, object-valued parameters and schema).</summary>
public sealed class PromptVersionInputValidator : AbstractValidator<PromptVersionInput>
{
    public PromptVersionInputValidator()
    {
        RuleFor(v => v.Messages).NotEmpty().WithMessage("A version needs at least one message.");
        RuleForEach(v => v.Messages).ChildRules(message =>
        {
            message.RuleFor(m => m.Role).Must(ConfigVocabulary.MessageRoles.Contains)
                .WithMessage(m => $"'{m.Role}' is not a valid role (use {string.Join(", ", ConfigVocabulary.MessageRoles)}).");
            message.RuleFor(m => m.Content).NotEmpty();
        });
        RuleForEach(v => v.Variables).Must(n => PromptTemplates.VariableName().IsMatch(n))
            .WithMessage((_, n) => $"'{n}' is not a variable name (letters, digits and '_', not starting with a digit).");
        RuleFor(v => v.Variables).Must(v => v!.Distinct(StringComparer.Ordinal).Count() == v!.Count)
            .When(v => v.Variables is not null).WithMessage("A variable is listed twice.");
        RuleFor(v => v.Variables).Must((v, declared) => Undeclared(v, declared!).Count == 0)
            .When(v => v.Variables is not null)
            .WithMessage((v, declared) => $"The messages use {string.Join(", ", Undeclared(v, declared!).Select(n => "{{" + n + "}}"))}, which 'variables' does not list.");
        RuleFor(v => v.Parameters).Must(IsObjectOrAbsent).WithMessage("Parameters must be a JSON object.");
        RuleFor(v => v.Parameters).Must(HasValidKnownParameters).When(v => IsObject(v.Parameters))
            .WithMessage("temperature must be a number from 0 to 2, top_p from 0 to 1, max_tokens a whole number above 0.");
        RuleFor(v => v.ResponseSchema).Must(IsObjectOrAbsent).WithMessage("The response schema must be a JSON object.");
    }

    public static List<string> Undeclared(PromptVersionInput input, IReadOnlyList<string> declared) =>
        [.. PromptTemplates.UsedVariables(input.Messages.Select(m => m.Content)).Except(declared, StringComparer.Ordinal)];

    private static bool IsObject(JsonElement? value) => value is { ValueKind: JsonValueKind.Object };

    private static bool IsObjectOrAbsent(JsonElement? value) =>
        value is null || value.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>The parameters the data plane applies must make sense; others pass through untouched.</summary>
    private static bool HasValidKnownParameters(JsonElement? parameters)
    {
        var root = parameters!.Value;
        return Number(root, "temperature", 0, 2) && Number(root, "top_p", 0, 1) && Number(root, "max_tokens", 1, int.MaxValue, whole: true);
    }

    private static bool Number(JsonElement root, string name, double min, double max, bool whole = false) =>
        !root.TryGetProperty(name, out var value)
        || (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max
            && (!whole || value.TryGetInt32(out _)));
}

public sealed class PromptLabelInputValidator : AbstractValidator<PromptLabelInput>
{
    public PromptLabelInputValidator() => RuleFor(l => l.Version).GreaterThan(0);
}
