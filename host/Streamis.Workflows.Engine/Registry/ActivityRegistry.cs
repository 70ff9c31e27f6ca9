using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Streamis.Workflows.Engine.Values;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Descriptors;

namespace Streamis.Workflows.Engine.Registry;

/// <summary>The activity types a host knows, found from their attributes.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityType> types = new(StringComparer.Ordinal);

    /// <summary>A registry holding the engine's built-in activities.</summary>
    public static ActivityRegistry CreateDefault() => new ActivityRegistry().AddFromAssembly(typeof(ActivityRegistry).Assembly, "builtin");

    public IReadOnlyCollection<ActivityType> Types => types.Values;

    public IEnumerable<ActivityDescriptor> Descriptors => types.Values.Select(t => t.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName);

    public bool TryGet(string name, out ActivityType type) => types.TryGetValue(name, out type!);

    public ActivityRegistry Add<T>(string? source = null) where T : Activity, new() => Add(typeof(T), source);

    /// <summary>Registers every public activity class of an assembly that carries [Activity].</summary>
    public ActivityRegistry AddFromAssembly(Assembly assembly, string? source = null)
    {
        foreach (var type in assembly.GetExportedTypes())
            if (type.GetCustomAttribute<ActivityAttribute>() is not null && !type.IsAbstract && typeof(Activity).IsAssignableFrom(type))
                Add(type, source);
        return this;
    }

    public ActivityRegistry Add(Type clrType, string? source = null)
    {
        var type = Describe(clrType, source);
        if (!types.TryAdd(type.Name, type))
            throw new ArgumentException($"Activity type '{type.Name}' is registered twice ({types[type.Name].ClrType.FullName} and {clrType.FullName}).");
        return this;
    }

    private static ActivityType Describe(Type clrType, string? source)
    {
        var attribute = clrType.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{clrType.FullName} has no [Activity] attribute.");
        if (!typeof(Activity).IsAssignableFrom(clrType) || clrType.IsAbstract || clrType.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"{clrType.FullName} must be a non-abstract Activity with a public parameterless constructor.");

        var inputs = new List<InputProperty>();
        var outputs = new List<OutputProperty>();
        var slots = new List<SlotProperty>();
        foreach (var property in clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var propertyType = property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Input<>))
            {
                var valueType = propertyType.GetGenericArguments()[0];
                var a = property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute();
                object? defaultValue = a.Default is null ? null
                    : ValueConverter.ConvertOrThrow(a.Default, valueType, $"{clrType.Name}.{property.Name} default");
                var options = a.Options ?? (Nullable.GetUnderlyingType(valueType) ?? valueType) switch
                {
                    { IsEnum: true } e => Enum.GetNames(e),
                    _ => null,
                };
                var inputDescriptor = new InputDescriptor(name, a.DisplayName ?? property.Name, ValueTypeNames.Of(valueType), a.Description,
                    a.UIHint ?? DefaultHint(valueType, options), defaultValue is null ? null : PlainValue.ToJson(defaultValue),
                    a.Required, options);
                inputs.Add(new InputProperty(property, inputDescriptor, valueType, defaultValue));
            }
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Output<>))
            {
                var valueType = propertyType.GetGenericArguments()[0];
                var a = property.GetCustomAttribute<OutputAttribute>();
                outputs.Add(new OutputProperty(property, new OutputDescriptor(name, ValueTypeNames.Of(valueType), a?.Description), valueType));
            }
            else if (property.GetCustomAttribute<SlotAttribute>() is { } slot)
            {
                var multiple = propertyType != typeof(Activity);
                if (multiple && !propertyType.IsAssignableFrom(typeof(List<Activity>)))
                    throw new ArgumentException($"Slot {clrType.Name}.{property.Name} must be Activity? or IReadOnlyList<Activity>.");
                slots.Add(new SlotProperty(property, new SlotDescriptor(name, multiple, slot.Description)));
            }
        }

        var descriptor = new ActivityDescriptor(attribute.Type ?? clrType.Name, attribute.Category, attribute.DisplayName,
            attribute.Description, inputs.Select(i => i.Descriptor).ToList(), outputs.Select(o => o.Descriptor).ToList(),
            attribute.Outcomes, slots.Select(s => s.Descriptor).ToList(), attribute.DynamicOutcomesInput,
            attribute.Icon, attribute.Color, source);
        return new ActivityType(clrType, descriptor, inputs, outputs, slots);
    }

    private static string DefaultHint(Type valueType, string[]? options) =>
        options is not null ? "dropdown" : ValueTypeNames.Of(valueType) switch
        {
            ValueTypeNames.Boolean => "checkbox",
            ValueTypeNames.Integer or ValueTypeNames.Number => "number",
            ValueTypeNames.Array or ValueTypeNames.Object or ValueTypeNames.Any => "json",
            _ => "text",
        };
}
