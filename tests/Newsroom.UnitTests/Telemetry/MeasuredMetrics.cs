using System.Diagnostics.Metrics;
using Newsroom.Application.Common.Telemetry;

namespace Newsroom.UnitTests.Telemetry;

/// <summary>
/// A <see cref="NewsroomMetrics"/> on a meter factory of its own, and a listener that reads only that factory's
/// instruments: tests running at the same time each see their own measurements.
/// </summary>
internal sealed class MeasuredMetrics : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _observed = [];

    public MeasuredMetrics(IOutboxBacklog? outbox = null)
    {
        Outbox = outbox ?? new FixedOutbox(default);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == this)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _observed[instrument.Name] = value);
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _observed[instrument.Name] = value);
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _observed[instrument.Name] = value);
        _listener.Start();
        Metrics = new NewsroomMetrics(this, Outbox);
    }

    public IOutboxBacklog Outbox { get; }

    public NewsroomMetrics Metrics { get; }

    /// <summary>The value each observable gauge reports now; a gauge that reports nothing is absent.</summary>
    public IReadOnlyDictionary<string, double> Observe()
    {
        _observed.Clear();
        _listener.RecordObservableInstruments();
        return _observed;
    }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.ForEach(meter => meter.Dispose());
    }

    /// <summary>An outbox that always reads <see cref="Reading"/>.</summary>
    internal sealed class FixedOutbox(OutboxReading reading) : IOutboxBacklog
    {
        public OutboxReading Reading { get; set; } = reading;

        public OutboxReading Read() => Reading;
    }
}
