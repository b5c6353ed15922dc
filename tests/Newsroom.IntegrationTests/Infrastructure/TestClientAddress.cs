using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// The test server has no sockets, so every request would come from the same (null) address. In the test factory
/// only, this sets the connection's remote address from a test header, first thing in the pipeline, exactly where a
/// real connection's address would be: the product never reads the header.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            await following(context);
        });
        next(app);
    };
}
