using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Newsroom.Application.Common.Errors;

namespace Newsroom.Application.Common.Behaviors;

/// <summary>Logs each message's name, outcome and duration; never the message itself, which may carry passwords.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogDebug("Handled {Message} in {ElapsedMs:0.0} ms", typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (NewsroomProblem problem)
        {
            logger.LogInformation("{Message} refused with {Problem}: {Detail}", typeof(TMessage).Name, problem.GetType().Name, problem.Detail);
            throw;
        }
    }
}
