using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Reading;
using Newsroom.Infrastructure.Replication;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Api.Http;

/// <summary>
/// Where each request's readers' queries go when a standby is configured (<see cref="PrimaryReads"/>): a request that
/// carries credentials reads on the primary, never on a standby that may not have replayed the caller's own last
/// change yet (valid or not: an anonymous reader sends none, and a bad token only costs a primary read).
/// A public read failed because the standby went away under a connection it had given (a standby stopped, restarted
/// or failed over breaks the pooled connections, which only a query finds out) starts the standby's outage episode
/// and runs once more, on the primary: a reader never pays for the standby's going away. A GET has no body to replay.
/// </summary>
internal static class ReadsOnPrimary
{
    /// <remarks>Async on purpose: an async method's change to an AsyncLocal stays inside its own flow, so it never leaks back to the caller.</remarks>
    public static IApplicationBuilder UseReadersRouting(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<NewsroomDatabase>().HasStandby)
        {
            return app;
        }

        var readers = app.ApplicationServices.GetRequiredService<PublicReadsDataSource>();
        var metrics = app.ApplicationServices.GetRequiredService<NewsroomMetrics>();
        return app.Use(async (context, next) =>
        {
            var reads = PrimaryReads.Begin(required: context.Request.Headers.Authorization.Count > 0);
            try
            {
                await next(context);
            }
            catch (Exception outage) when (reads.UsedStandby && !reads.AreRequiredHere && DatabaseOutage.IsOutage(outage)
                && !context.Response.HasStarted && PublicCaching.IsPublicRead(context))
            {
                readers.StandbyFailed(outage);
                metrics.ReadersFellBackToPrimary();
                reads.Require();
                context.Response.Clear();
                await next(context);
            }
        });
    }
}
