using System.Linq.Expressions;
using FluentValidation;

namespace Platform.Shared.Management;

/// <summary>A model in a tier or a route's candidates, first first. The API shows the model's id too.</summary>
public sealed record WeightedModelView(string Model, Guid ModelId, int Weight);

/// <summary>A model by its concrete name, with its share for the weighted strategy.</summary>
public sealed record WeightedModelInput(string Model, int Weight = 1);

/// <summary>The rules of a model list (a tier's models, a route's candidates), as the config parser has them.</summary>
internal static class WeightedModelRules
{
    public static void ModelList<T>(this AbstractValidator<T> validator, Expression<Func<T, IEnumerable<WeightedModelInput>>> list)
    {
        validator.RuleForEach(list).ChildRules(item =>
        {
            item.RuleFor(m => m.Model).NotEmpty().Must(ModelNames.IsConcrete)
                .WithMessage((_, n) => $"'{n}' is not a concrete model name ('<provider>/<model>').");
            item.RuleFor(m => m.Weight).GreaterThanOrEqualTo(1);
        });
        validator.RuleFor(list).Must(models => Duplicate(models) is null)
            .WithMessage((_, models) => $"Model '{Duplicate(models)}' is listed twice.");
    }

    private static string? Duplicate(IEnumerable<WeightedModelInput> models) =>
        models.GroupBy(m => m.Model, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
}
