using Streamis.Workflows.Engine.Execution;
using Streamis.Workflows.Engine.Tests.Support;

namespace Streamis.Workflows.Engine.Tests.Activities;

public sealed class RenderTemplateTests : IDisposable
{
    private readonly string templates = Directory.CreateTempSubdirectory("streamis-templates-").FullName;

    public void Dispose() => Directory.Delete(templates, recursive: true);

    [Fact]
    public async Task Inline_template_renders_with_the_model()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "render-inline",
          "inputs": [{"name": "job", "type": "string"}],
          "outputs": [{"name": "text", "value": "{{ activities.render.text }}"}],
          "root": {"id": "render", "type": "RenderTemplate", "inputs": {
            "template": "Job {{ model.name }} failed {{ model.failures }} times (instance input: {{ input.job }})",
            "model": {"name": "etl-orders", "failures": 3}}}
        }
        """, new { job = "etl-orders" });

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("Job etl-orders failed 3 times (instance input: etl-orders)", result.Outputs["text"]);
    }

    [Fact]
    public async Task Rendering_leaves_no_model_variable_behind()
    {
        var engine = new TestEngine();
        var result = await engine.RunAsync("""
        {
          "id": "render-clean",
          "root": {"id": "render", "type": "RenderTemplate", "inputs": {"template": "{{ model.a }}!", "model": {"a": 1}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.DoesNotContain("model", result.State.Scopes[0].Variables.Keys);
    }

    [Fact]
    public async Task Named_template_is_read_from_the_templates_folder()
    {
        await File.WriteAllTextAsync(Path.Combine(templates, "bulk-report.scriban"),
            "{{ for job in model.jobs }}{{ job.name }}={{ job.status }}\n{{ end }}");
        var engine = new TestEngine(templatesPath: templates);

        var result = await engine.RunAsync("""
        {
          "id": "render-named",
          "outputs": [{"name": "text", "value": "{{ activities.render.text }}"}],
          "root": {"id": "render", "type": "RenderTemplate", "inputs": {
            "templateName": "bulk-report",
            "model": {"jobs": [{"name": "etl", "status": "RUNNING"}, {"name": "sync", "status": "FAILED"}]}}}
        }
        """);

        Assert.Equal(WorkflowStatus.Completed, result.Status);
        Assert.Equal("etl=RUNNING\nsync=FAILED\n", result.Outputs["text"]);
    }

    [Fact]
    public async Task Missing_named_template_faults_with_a_clear_message()
    {
        var engine = new TestEngine(templatesPath: templates);

        var result = await engine.RunAsync("""
        {"id": "render-missing", "root": {"id": "render", "type": "RenderTemplate", "inputs": {"templateName": "no-such-template"}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(("render", "RenderTemplate"), (incident.ActivityId, incident.ActivityType));
        Assert.Equal("no template named \"no-such-template\" in the templates folder", incident.Message);
    }

    [Fact]
    public async Task Template_name_that_tries_to_leave_the_folder_is_not_found()
    {
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(templates)!, "secret.txt"), "secret");
        var engine = new TestEngine(templatesPath: templates);

        var result = await engine.RunAsync("""
        {"id": "render-escape", "root": {"id": "render", "type": "RenderTemplate", "inputs": {"templateName": "../secret"}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Contains("no template named \"../secret\"", Assert.Single(result.Incidents).Message);
    }

    [Fact]
    public async Task Named_template_with_a_syntax_error_faults_saying_where()
    {
        await File.WriteAllTextAsync(Path.Combine(templates, "broken.sbn"), "Job {{ model.name }}\n{{ end }}");
        var engine = new TestEngine(templatesPath: templates);

        var result = await engine.RunAsync("""
        {"id": "render-broken", "root": {"id": "render", "type": "RenderTemplate", "inputs": {"templateName": "broken", "model": {"name": "etl"}}}}
        """);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("ExpressionException", incident.ErrorType);
        Assert.Contains("syntax error", incident.Message);
        Assert.Contains("line 2", incident.Message);
    }
}
