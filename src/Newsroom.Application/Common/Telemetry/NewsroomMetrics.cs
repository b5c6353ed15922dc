using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Newsroom.Application.Common.Telemetry;

/// <summary>How a public read was answered by the server's cache.</summary>
public enum CacheResult
{
    Hit,
    Miss,

    /// <summary>An expired copy served because the database is unreachable (stale-if-error).</summary>
    Stale,
}

/// <summary>Why a sign-in was refused, in words that say nothing about the account: unknown e-mail and wrong password are one reason.</summary>
public enum LoginRefusal
{
    Credentials,
    Throttled,
}

/// <summary>The outbox's unprocessed events at one instant: how many, and how long the oldest has waited.</summary>
public sealed record OutboxBacklog(long Events, TimeSpan OldestAge);

/// <summary>
/// What a look at the outbox found: its <see cref="Backlog"/>, or none when the database was away or not ready yet.
/// <see cref="TakenAt"/> is the <see cref="Stopwatch"/> timestamp of the look, which a cached reading keeps.
/// </summary>
public readonly record struct OutboxReading(OutboxBacklog? Backlog, bool DatabaseAway, long TakenAt);

/// <summary>Looks at the outbox when the metrics are collected, at most once every few seconds whatever the scrapes.</summary>
public interface IOutboxBacklog
{
    OutboxReading Read();
}

/// <summary>
/// The newsroom's own instruments, all on one meter named <see cref="MeterName"/> and named in the OpenTelemetry style
/// (the Prometheus exporter writes <c>newsroom.cache.requests</c> as <c>newsroom_cache_requests_total</c>). Tags take
/// a handful of values each: no path, slug, query or account ever becomes a tag, so the series stay few.
/// </summary>
public sealed class NewsroomMetrics
{
    public const string MeterName = "Newsroom";

    /// <summary>Search latency buckets, in seconds (those of ASP.NET Core's http.server.request.duration).</summary>
    private static readonly double[] SearchBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>Go-live delay buckets, in seconds: from "on the dot" to "an hour late".</summary>
    private static readonly double[] GoLiveBuckets = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600];

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");
    private static readonly KeyValuePair<string, object?> Stale = new("result", "stale");
    private static readonly KeyValuePair<string, object?> BadCredentials = new("reason", "credentials");
    private static readonly KeyValuePair<string, object?> Throttled = new("reason", "throttled");
    private static readonly KeyValuePair<string, object?> Purged = new("result", "ok");
    private static readonly KeyValuePair<string, object?> PurgeFailed = new("result", "failed");

    private readonly Counter<long> _cacheRequests;
    private readonly Histogram<double> _goLiveDelay;
    private readonly Histogram<double> _searchDuration;
    private readonly Counter<long> _loginsRefused;
    private readonly Counter<long> _edgePurges;
    private readonly Counter<long> _standbyFallbacks;
    private readonly IOutboxBacklog _outbox;
    private readonly Lock _gate = new();
    private bool _databaseAway;
    private long _databaseReportedAt = long.MinValue;

    public NewsroomMetrics(IMeterFactory meters, IOutboxBacklog outbox)
    {
        _outbox = outbox;
        var meter = meters.Create(MeterName);
        _cacheRequests = meter.CreateCounter<long>("newsroom.cache.requests", "{request}", "Public reads answered by the server's cache (result=hit), by the application (result=miss), or from an expired copy while the database is away (result=stale).");
        _goLiveDelay = meter.CreateHistogram<double>("newsroom.publishing.go_live_delay", "s", "Seconds from a scheduled article's publishAt to the scheduled publisher putting it live.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = GoLiveBuckets });
        _searchDuration = meter.CreateHistogram<double>("newsroom.search.duration", "s", "Duration of full-text searches, spelling correction included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SearchBuckets });
        _loginsRefused = meter.CreateCounter<long>("newsroom.auth.logins_refused", "{login}", "Sign-ins refused: reason=credentials (unknown e-mail, wrong password or disabled account) or throttled.");
        _edgePurges = meter.CreateCounter<long>("newsroom.edge.purges", "{purge}", "PURGE requests sent to the edge caches: result=ok (a 2xx) or failed (any other answer, none, or none in time; tried again).");
        _standbyFallbacks = meter.CreateCounter<long>("newsroom.readers.standby_fallbacks", "{query}", "Readers' queries sent to the primary because the standby was unreachable (or waiting out its back-off).");
        meter.CreateObservableGauge("newsroom.database.outage", ObserveOutage, "{outage}", "1 while the database is unreachable, else 0.");
        meter.CreateObservableGauge("newsroom.outbox.backlog", () => ObserveOutbox(b => b.Events), "{event}", "Outbox events not processed yet.");
        meter.CreateObservableGauge("newsroom.outbox.oldest_age", () => ObserveOutbox(b => b.OldestAge.TotalSeconds), "s", "Age of the oldest outbox event not processed yet.");
    }

    public void CacheServed(CacheResult result) => _cacheRequests.Add(1, result switch
    {
        CacheResult.Hit => Hit,
        CacheResult.Stale => Stale,
        _ => Miss,
    });

    public void WentLive(TimeSpan delay) => _goLiveDelay.Record(Math.Max(0, delay.TotalSeconds));

    public void Searched(TimeSpan duration) => _searchDuration.Record(duration.TotalSeconds);

    public void LoginRefused(LoginRefusal reason) => _loginsRefused.Add(1, reason == LoginRefusal.Throttled ? Throttled : BadCredentials);

    public void EdgePurged(bool succeeded) => _edgePurges.Add(1, succeeded ? Purged : PurgeFailed);
    public void ReadersFellBackToPrimary() => _standbyFallbacks.Add(1);

    /// <summary>Something needing the database found it unreachable (a request, a background loop, the outbox probe).</summary>
    public void DatabaseWentAway() => ReportDatabase(away: true, Stopwatch.GetTimestamp());

    /// <summary>Something reached the database (a background loop's round, the outbox probe).</summary>
    public void DatabaseReached() => ReportDatabase(away: false, Stopwatch.GetTimestamp());

    /// <summary>The latest report wins, whoever makes it: a probe that began before an outage was seen cannot end it.</summary>
    private void ReportDatabase(bool away, long at)
    {
        lock (_gate)
        {
            if (at >= _databaseReportedAt)
            {
                _databaseAway = away;
                _databaseReportedAt = at;
            }
        }
    }

    /// <summary>Probes through the outbox reading first (at most once every few seconds, see <see cref="IOutboxBacklog"/>), so the gauge is current when scraped.</summary>
    private int ObserveOutage()
    {
        ReadOutbox();
        lock (_gate)
        {
            return _databaseAway ? 1 : 0;
        }
    }

    private IEnumerable<Measurement<T>> ObserveOutbox<T>(Func<OutboxBacklog, T> value)
        where T : struct =>
        ReadOutbox() is { } backlog ? [new Measurement<T>(value(backlog))] : [];

    private OutboxBacklog? ReadOutbox()
    {
        var reading = _outbox.Read();
        if (reading.Backlog is not null || reading.DatabaseAway)
        {
            ReportDatabase(reading.DatabaseAway, reading.TakenAt);
        }

        return reading.Backlog;
    }
}
