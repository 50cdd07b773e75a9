namespace NomadWasm.Spin.Manifest;

/// <summary>
/// Normalization (crates/manifest/src/normalize.rs; spec §1.5): triggers without an id get
/// <c>&lt;component-id&gt;-&lt;type&gt;-trigger</c>, or <c>&lt;type&gt;-trigger&lt;N&gt;</c> on collision or
/// for inline components; inline components move to the component list as <c>&lt;trigger-id&gt;-component</c>,
/// or <c>inline-component&lt;N&gt;</c> when that id is taken or invalid.
/// </summary>
internal static class ManifestNormalizer
{
    public static AppManifest Normalize(TomlAccess toml, AppManifest manifest)
    {
        var triggers = NormalizeTriggerIds(toml, manifest.Triggers);
        var components = manifest.Components.ToList();
        var ids = new HashSet<string>(components.Select(c => c.Id), StringComparer.Ordinal);
        var counter = 1;
        for (var i = 0; i < triggers.Count; i++)
        {
            var trigger = triggers[i];
            if (trigger.InlineComponent is null)
            {
                continue;
            }

            var natural = trigger.Id + "-component";
            string id;
            if (Identifiers.KebabIdError(natural) is null && !ids.Contains(natural))
            {
                id = natural;
            }
            else
            {
                while (ids.Contains("inline-component" + counter))
                {
                    counter++;
                }

                id = "inline-component" + counter;
            }

            ids.Add(id);
            components.Add(trigger.InlineComponent with { Id = id });
            triggers[i] = trigger with { ComponentRef = id, InlineComponent = null };
        }

        return manifest with { Triggers = triggers, Components = components };
    }

    private static List<ManifestTrigger> NormalizeTriggerIds(TomlAccess toml, IReadOnlyList<ManifestTrigger> input)
    {
        var result = input.ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trigger in input)
        {
            if (!string.IsNullOrEmpty(trigger.Id) && !taken.Add(trigger.Id))
            {
                throw toml.Error(TomlAccess.Join(trigger.Path, "id"), $"duplicate trigger id \"{trigger.Id}\"", trigger.At["id"]);
            }
        }

        foreach (var type in input.Select(t => t.Type).Distinct(StringComparer.Ordinal).ToList())
        {
            var counter = 1;
            for (var i = 0; i < result.Count; i++)
            {
                var trigger = result[i];
                if (trigger.Type != type || !string.IsNullOrEmpty(trigger.Id))
                {
                    continue;
                }

                if (trigger.ComponentRef is { } componentId && trigger.InlineComponent is null)
                {
                    var candidate = $"{componentId}-{type}-trigger";
                    if (taken.Add(candidate))
                    {
                        result[i] = trigger with { Id = candidate };
                        continue;
                    }
                }

                while (taken.Contains($"{type}-trigger{counter}"))
                {
                    counter++;
                }

                var id = $"{type}-trigger{counter}";
                taken.Add(id);
                result[i] = trigger with { Id = id };
            }
        }

        return result;
    }
}
