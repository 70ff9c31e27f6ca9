using System.Reflection;
using Streamis.Workflows.Sdk.Activities;
using Streamis.Workflows.Sdk.Descriptors;

namespace Streamis.Workflows.Engine.Registry;

/// <summary>A registered activity class: its descriptor and how to bind a definition node onto an instance.</summary>
public sealed class ActivityType
{
    internal ActivityType(Type clrType, ActivityDescriptor descriptor, IReadOnlyList<InputProperty> inputs,
        IReadOnlyList<OutputProperty> outputs, IReadOnlyList<SlotProperty> slots)
    {
        ClrType = clrType;
        Descriptor = descriptor;
        Inputs = inputs;
        Outputs = outputs;
        Slots = slots;
    }

    public Type ClrType { get; }

    public ActivityDescriptor Descriptor { get; }

    public string Name => Descriptor.Type;

    public IReadOnlyList<InputProperty> Inputs { get; }

    public IReadOnlyList<OutputProperty> Outputs { get; }

    public IReadOnlyList<SlotProperty> Slots { get; }

    public Activity Create() => (Activity)Activator.CreateInstance(ClrType)!;
}

public sealed record InputProperty(PropertyInfo Property, InputDescriptor Descriptor, Type ValueType, object? DefaultValue)
{
    public string Name => Descriptor.Name;
}

public sealed record OutputProperty(PropertyInfo Property, OutputDescriptor Descriptor, Type ValueType)
{
    public string Name => Descriptor.Name;
}

public sealed record SlotProperty(PropertyInfo Property, SlotDescriptor Descriptor)
{
    public string Name => Descriptor.Name;
}
