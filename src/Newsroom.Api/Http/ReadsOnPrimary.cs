using Newsroom.Infrastructure.Replication;

namespace Newsroom.Api.Http;

/// <summary>
/// A request that carries credentials has its readers' queries made on the primary (<see cref="PrimaryReads"/>),
/// never on a standby that may not have replayed the caller's own last change yet. Whether the credentials are valid
/// does not matter: an anonymous reader sends none, and a bad token only costs a primary read.
/// </summary>
internal static class ReadsOnPrimary
{
    /// <remarks>Async on purpose: an async method's change to an AsyncLocal stays inside its own flow, so it never leaks back to the caller.</remarks>
    public static IApplicationBuilder UseReadsOnPrimaryForCredentials(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.Authorization.Count > 0)
        {
            PrimaryReads.Require();
        }

        await next(context);
    });
}
