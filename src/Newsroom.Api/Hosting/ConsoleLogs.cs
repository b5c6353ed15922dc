using System.Text.Json;

namespace Newsroom.Api.Hosting;

/// <summary>
/// How the API's logs look on the console: one JSON object per line outside Development (what a log collector
/// parses, with the request's trace and span ids in <c>Scopes</c>), readable single-line text for a developer and
/// for the tests' in-process host ("Testing"), whose lines a person reads when a test fails.
/// </summary>
internal static class ConsoleLogs
{
    /// <summary>The environment of the integration tests' in-process host (<c>NewsroomApiFactory</c>).</summary>
    private const string TestingEnvironment = "Testing";

    public static ILoggingBuilder AddNewsroomConsoleLogs(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment))
        {
            logging.AddSimpleConsole(console =>
            {
                console.IncludeScopes = true;
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging.AddJsonConsole(console =>
            {
                console.IncludeScopes = true;
                console.UseUtcTimestamp = true;
                // ISO 8601 in UTC, to the millisecond: the 'Z' is true because the timestamp is UTC.
                console.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                console.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }

        // The scopes then carry the request's TraceId and SpanId, which tie a log line to its trace.
        return logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
    }
}
