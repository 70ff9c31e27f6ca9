using Streamis.Workflows.Designer.Tests.Support;

// One host and one browser for the whole run; the browser tests take turns, which is kinder to a small machine
// than several Chromium tabs racing each other.
[assembly: AssemblyFixture(typeof(DesignerHost))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
