using System.Text;

namespace Streamis.Workflows.Plugins.Local.Runner;

/// <summary>
/// The task's client log. Every line starts with a timestamp, so the log fetcher can tell a new record from the
/// continuation of a multi-line one. Signal handlers write from another thread, hence the synchronised writer,
/// which Console output shares so that stray writes land in the log too instead of in a pipe nobody reads.
/// </summary>
internal sealed class RunnerLog : IDisposable
{
    public RunnerLog(string path)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        Writer = TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true });
    }

    public TextWriter Writer { get; }

    public void Info(string message) => Write("INFO", message);

    public void Warn(string message) => Write("WARN", message);

    public void Error(string message) => Write("ERROR", message);

    private void Write(string level, string message) =>
        Writer.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm:ss.fff} {level,-5} {message}");

    public void Dispose() => Writer.Dispose();
}
