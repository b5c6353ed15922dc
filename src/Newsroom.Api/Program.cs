using Microsoft.Extensions.Options;
using Newsroom.Api.Hosting;
using Newsroom.Infrastructure.Startup;
using Newsroom.LocalPostgres;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsroomApi();
var app = builder.Build();

try
{
    if (args.Contains("--migrate"))
    {
        // The explicit production step: migrate and seed the essentials, then exit without serving.
        await app.Services.GetRequiredService<DatabaseStartup>().MigrateOnlyAsync(CancellationToken.None);
        await app.Services.GetRequiredService<DatabaseStartup>().StoppedAsync(CancellationToken.None);
        Console.WriteLine("Database migrated.");
        return 0;
    }

    app.UseNewsroomApi();
    await app.RunAsync();
    return 0;
}
catch (PostgresBinariesNotFoundException missing)
{
    Console.Error.WriteLine(missing.Message);
    return 2;
}
catch (DatabaseUnreachableException unreachable)
{
    // The database never came up within the configured wait: what an operator must look at, not a stack trace.
    Console.Error.WriteLine("Newsroom cannot start: " + unreachable.Message);
    return 4;
}
catch (OptionsValidationException invalid)
{
    // Refusing to start on insecure or broken configuration is expected: say what to fix, without a stack trace.
    Console.Error.WriteLine("Newsroom cannot start: " + string.Join(" ", invalid.Failures));
    return 3;
}
