using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Streamis.Workflows.Engine.Diagnostics;

namespace Streamis.Workflows.Host.Diagnostics;

/// <summary>
/// Serves the engine's meter in Prometheus text format: counters as totals, histograms with fixed millisecond
/// buckets, gauges as read at scrape time. Written here because the Prometheus package at hand dropped
/// counters and histograms of System.Diagnostics.Metrics.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] Buckets = [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000];
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), double> counters = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), HistogramState> histograms = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), double> gauges = new();
    private readonly ConcurrentDictionary<string, (string Kind, string? Description)> families = new();

    public PrometheusExporter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name != WorkflowMetrics.Meter.Name) return;
            var kind = instrument switch
            {
                Counter<long> or Counter<double> => "counter",
                Histogram<double> or Histogram<long> => "histogram",
                _ => "gauge",
            };
            families[Name(instrument)] = (kind, instrument.Description);
            l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        listener.Start();
    }

    public string Scrape()
    {
        gauges.Clear();
        listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var (name, (kind, description)) in families.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var exported = kind == "counter" ? name + "_total" : name;
            text.Append("# HELP ").Append(exported).Append(' ').Append(description ?? name).Append('\n');
            text.Append("# TYPE ").Append(exported).Append(' ').Append(kind).Append('\n');
            switch (kind)
            {
                case "counter":
                    foreach (var ((n, labels), value) in counters.Where(c => c.Key.Name == name)) Line(text, exported, labels, value);
                    break;
                case "gauge":
                    foreach (var ((n, labels), value) in gauges.Where(c => c.Key.Name == name)) Line(text, exported, labels, value);
                    break;
                default:
                    foreach (var ((n, labels), state) in histograms.Where(c => c.Key.Name == name))
                        state.Write(text, name, labels);
                    break;
            }
        }
        return text.ToString();
    }

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = (Name(instrument), Labels(tags));
        switch (families[key.Item1].Kind)
        {
            case "counter":
                counters.AddOrUpdate(key, value, (_, total) => total + value);
                break;
            case "histogram":
                histograms.GetOrAdd(key, _ => new HistogramState()).Record(value);
                break;
            default:
                gauges[key] = value;
                break;
        }
    }

    private static string Name(Instrument instrument) => "streamis_" + instrument.Name.Replace('.', '_');

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var parts = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
            parts.Add($"{key}=\"{Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\"");
        parts.Sort(StringComparer.Ordinal);
        return string.Join(",", parts);
    }

    private static void Line(StringBuilder text, string name, string labels, double value) =>
        text.Append(name).Append(labels.Length > 0 ? $"{{{labels}}}" : "").Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');

    private sealed class HistogramState
    {
        private readonly long[] counts = new long[Buckets.Length];
        private long count;
        private double sum;

        public void Record(double value)
        {
            lock (this)
            {
                count++;
                sum += value;
                for (var i = 0; i < Buckets.Length; i++)
                    if (value <= Buckets[i]) counts[i]++;
            }
        }

        public void Write(StringBuilder text, string name, string labels)
        {
            lock (this)
            {
                var prefix = labels.Length > 0 ? labels + "," : "";
                for (var i = 0; i < Buckets.Length; i++)
                    Line(text, name + "_bucket", prefix + $"le=\"{Buckets[i].ToString(CultureInfo.InvariantCulture)}\"", counts[i]);
                Line(text, name + "_bucket", prefix + "le=\"+Inf\"", count);
                Line(text, name + "_sum", labels, sum);
                Line(text, name + "_count", labels, count);
            }
        }
    }
}
