using Microsoft.Playwright;

namespace Streamis.Workflows.Designer.Tests.Support;

/// <summary>How the tests find and use the designer's parts, the way a user would: drag, click, type.</summary>
public static class DesignerUi
{
    public static ILocator Node(this IPage page, string activityId) => page.Locator($".react-flow__node[data-id='{activityId}']");

    /// <summary>The drawn box of a node, which carries its state (state-done, state-faulted...) and problems.</summary>
    public static ILocator NodeBox(this IPage page, string activityId) => page.Node(activityId).Locator(".activity-node");

    public static ILocator Nodes(this IPage page) => page.Locator(".react-flow__node");

    public static ILocator PaletteItem(this IPage page, string type) => page.Locator($".palette-item[data-activity-type='{type}']");

    public static ILocator Panel(this IPage page) => page.Locator(".designer-panel");

    /// <summary>The editor of an activity input in the properties panel.</summary>
    public static ILocator InputEditor(this IPage page, string activityId, string input) => page.Locator($"#input-{activityId}-{input}");

    public static ILocator InputField(this IPage page, string input) => page.Locator($".designer-panel .field[data-input='{input}']");

    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Drags an activity type from the palette onto the canvas, at a point of the canvas.</summary>
    public static Task DragFromPaletteAsync(this IPage page, string type, int x, int y) =>
        page.PaletteItem(type).DragToAsync(page.Locator(".canvas .react-flow__pane"), new() { TargetPosition = new() { X = x, Y = y } });

    /// <summary>Drags from an activity's outcome port to another activity's input port.</summary>
    public static Task ConnectAsync(this IPage page, string from, string outcome, string to) =>
        page.Node(from).Locator($".react-flow__handle[data-handleid='{outcome}']")
            .DragToAsync(page.Node(to).Locator(".react-flow__handle[data-handleid='in']"));

    public static ILocator Edge(this IPage page, string from, string outcome, string to) =>
        page.Locator($".react-flow__edge[data-id$=':{from}:{outcome}:{to}']");

    public static ILocator SaveState(this IPage page) => page.Locator("[data-save-state]");

    public static ILocator InstanceStatus(this IPage page) => page.Locator("[data-instance-status]");

    public static async Task OpenDefinitionAsync(this DesignerSession session, string definitionId)
    {
        await session.GotoAsync($"definitions/{definitionId}");
        await Assertions.Expect(session.Page.Locator(".designer-toolbar")).ToBeVisibleAsync();
    }

    /// <summary>Opens a definition in the designer and its run form; returns the form's dialog.</summary>
    public static async Task<ILocator> OpenRunFormAsync(this DesignerSession session, string definitionId)
    {
        await session.OpenDefinitionAsync(definitionId);
        await session.Page.Button("Run").ClickAsync();
        var dialog = session.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    public static Task SubmitAsync(this ILocator dialog) => dialog.Locator("button[type=submit]").ClickAsync();
}
