using Platform.Shared.Domain;

namespace Platform.Shared.Config;

/// <summary>
/// Prompts are ensured, their versions only added (a stored version is immutable; one the file no
/// longer lists is kept), and the file is authoritative for the labels of the prompts it lists.
/// </summary>
internal static class PromptSync
{
    private const string Kind = "prompt";
    private const string CreatedBy = "config-as-code";

    public static void Sync(TenantPlan plan)
    {
        foreach (var desired in plan.Config.Prompts)
        {
            var path = plan.PathOf(desired.Name);
            var entity = plan.State.Prompts.Find(p => p.Name == desired.Name);
            if (entity is null)
            {
                entity = new Prompt { Name = desired.Name, Description = desired.Description };
                plan.Db.Prompts.Add(entity);
                plan.Log.Created(Kind, path);
            }
            else
            {
                var changes = new FieldChanges();
                changes.Set("description", entity.Description, desired.Description, v => entity.Description = v);
                plan.Log.Updated(Kind, path, changes);
            }

            var stored = entity.Versions.ToList();
            foreach (var version in desired.Versions)
            {
                AddVersion(plan, entity, stored, version, path);
            }

            SyncLabels(plan, entity, desired, stored, path);
        }
    }

    private static void AddVersion(TenantPlan plan, Prompt prompt, List<PromptVersion> stored, PromptVersionConfig desired, string path)
    {
        if (stored.Find(v => v.Version == desired.Version) is { } existing)
        {
            var differences = Differences(existing, desired);
            if (differences.Count > 0)
            {
                plan.Log.Error(desired.Location,
                    $"prompt version {path} v{desired.Version} is immutable and differs from the stored one " +
                    $"({string.Join(", ", differences)}); add a new version instead");
            }

            return;
        }

        plan.Db.PromptVersions.Add(new PromptVersion
        {
            PromptId = prompt.Id,
            Version = desired.Version,
            MessagesJson = desired.MessagesJson,
            Variables = [.. desired.Variables],
            ParametersJson = desired.ParametersJson,
            ResponseSchemaJson = desired.ResponseSchemaJson,
            CreatedBy = CreatedBy,
        });
        plan.Log.Add($"add prompt version {path} v{desired.Version}");
    }

    private static List<string> Differences(PromptVersion stored, PromptVersionConfig desired)
    {
        var differences = new List<string>();
        if (stored.MessagesJson != desired.MessagesJson)
        {
            differences.Add("messages");
        }

        if (!stored.Variables.SequenceEqual(desired.Variables))
        {
            differences.Add("variables");
        }

        if (stored.ParametersJson != desired.ParametersJson)
        {
            differences.Add("parameters");
        }

        if (stored.ResponseSchemaJson != desired.ResponseSchemaJson)
        {
            differences.Add("responseSchema");
        }

        return differences;
    }

    private static void SyncLabels(TenantPlan plan, Prompt prompt, PromptConfig desired, List<PromptVersion> stored, string path)
    {
        foreach (var label in desired.Labels)
        {
            if (!desired.Versions.Any(v => v.Version == label.Version) && !stored.Any(v => v.Version == label.Version))
            {
                plan.Log.Error(label.Location,
                    $"label '{label.Label}' of prompt '{desired.Name}' points at version {label.Version}, which neither the file nor the database has");
                continue;
            }

            var entity = prompt.Labels.Find(l => l.Label == label.Label);
            if (entity is null)
            {
                plan.Db.PromptLabels.Add(new PromptLabel { PromptId = prompt.Id, Label = label.Label, Version = label.Version });
                plan.Log.Add($"add label {path} {label.Label} -> {label.Version}");
            }
            else if (entity.Version != label.Version)
            {
                plan.Log.Add($"move label {path} {label.Label} {entity.Version} -> {label.Version}");
                entity.Version = label.Version;
            }
        }

        foreach (var entity in prompt.Labels.Where(l => !desired.Labels.Any(d => d.Label == l.Label)).ToList())
        {
            plan.Db.PromptLabels.Remove(entity);
            plan.Log.Add($"remove label {path} {entity.Label}");
        }
    }
}
