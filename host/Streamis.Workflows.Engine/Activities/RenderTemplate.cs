using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Templates;
using Streamis.Workflows.Sdk.Activities;

namespace Streamis.Workflows.Engine.Activities;

/// <summary>Renders a Scriban template — named, from <c>templates/</c>, or given inline — with an optional model.</summary>
[Activity("Primitives", "Render template", Description = "Renders a Scriban template (alert texts, reports).", Icon = "file-code")]
public sealed class RenderTemplate : Activity
{
    [Input(Description = "Name of a template in templates/ (e.g. bulk-report); wins over Template")]
    public Input<string?> TemplateName { get; set; } = default!;

    [Input(Description = "Inline template text", UIHint = "multiline")]
    public Input<string?> Template { get; set; } = default!;

    [Input(Description = "Data the template sees as 'model'")]
    public Input<object?> Model { get; set; } = default!;

    [Output(Description = "The rendered text")]
    public Output<string> Text { get; set; } = default!;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = context.Get(TemplateName);
        string? text;
        if (!string.IsNullOrWhiteSpace(name))
        {
            text = await context.Get<ITemplateStore>().FindAsync(name, context.CancellationToken).ConfigureAwait(false);
            if (text is null) return Fault($"no template named \"{name}\" in the templates folder");
        }
        else text = context.Get(Template);
        if (text is null) return Fault("set either templateName or template");

        var model = new Dictionary<string, object?> { ["model"] = context.Get(Model) };
        context.Set(Text, ((FrameContext)context).Evaluate(text, model)?.ToString() ?? "");
        return Done();
    }
}
