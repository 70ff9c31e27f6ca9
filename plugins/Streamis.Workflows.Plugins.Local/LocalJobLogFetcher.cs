using System.Text;
using Streamis.Workflows.Sdk.Connectors;

namespace Streamis.Workflows.Plugins.Local;

/// <summary>
/// Pages through a local task's client log: from a line (1-based) a page of lines that pass the keyword filters, or
/// the last rows. <see cref="JobLogPage.EndLine"/> is the last line read, so the next page starts one after it.
/// Unlike Linkis' tail, the last rows are taken after the filters, which is what a reader of a long log wants.
/// </summary>
public sealed class LocalJobLogFetcher : IJobLogFetcher
{
    public const string ClientLog = "client";

    /// <summary>Linkis' own ceiling for one page or tail.</summary>
    public const int MaxLines = 5000;

    public string Engine => LocalJobLauncher.EngineName;

    public IReadOnlyCollection<string> LogTypes { get; } = [ClientLog];

    public async Task<JobLogPage> FetchAsync(JobHandle handle, JobLogRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = LocalTaskRecord.FromHandle(handle);
        if (!string.Equals(request.LogType, ClientLog, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The Local engine keeps a '{ClientLog}' log only, not '{request.LogType}'.");
        var path = task.LogFile;
        if (!File.Exists(path)) return new JobLogPage([], 0, true, path);

        var filter = new LogLineFilter(request.IgnoreKeywords, request.OnlyKeywords);
        // The runner is still appending: share the file, and take what has been written so far.
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var number = 0;
        string? line;
        if (request.LastRows is > 0 and var lastRows)
        {
            var tail = new Queue<string>();
            var keep = Math.Min(lastRows, MaxLines);
            while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
            {
                number++;
                if (!filter.Keeps(line)) continue;
                tail.Enqueue(line);
                if (tail.Count > keep) tail.Dequeue();
            }
            return new JobLogPage([.. tail], number, true, path);
        }

        var from = Math.Max(1, request.FromLine);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxLines);
        var lines = new List<string>();
        while (lines.Count < pageSize && (line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            number++;
            // Lines before the page still pass through the filter, so a record that started above it is judged whole.
            if (filter.Keeps(line) && number >= from) lines.Add(line);
        }
        return new JobLogPage(lines, number, reader.Peek() < 0, path);
    }
}
