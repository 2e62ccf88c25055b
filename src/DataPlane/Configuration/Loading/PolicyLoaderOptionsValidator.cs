using Microsoft.Extensions.Options;

namespace Platform.DataPlane.Configuration;

/// <summary>Reports every problem at start-up, each as a sentence an operator can act on.</summary>
internal sealed class PolicyLoaderOptionsValidator : IValidateOptions<PolicyLoaderOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyLoaderOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
