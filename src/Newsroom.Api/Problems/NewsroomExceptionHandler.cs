using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Application.Common.Errors;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Domain;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Api.Problems;

/// <summary>
/// The single place where exceptions become HTTP answers. Application problems map one-to-one to status codes;
/// framework refusals (bad JSON, wrong content type, body too large) keep their status; the database being away is
/// a 503 with <c>Retry-After</c>; anything else is a 500 that says nothing about the internals.
/// </summary>
internal sealed partial class NewsroomExceptionHandler(
    IProblemDetailsService problems,
    NewsroomMetrics metrics,
    ILogger<NewsroomExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationFailedProblem validation => Validation(validation),
            NewsroomProblem known => FromKnown(known),
            DomainRuleViolation rule => FromRule(rule),
            BadHttpRequestException badRequest => FromBadRequest(badRequest),
            _ when DatabaseOutage.IsOutage(exception) => DatabaseAway(httpContext, logger, metrics, exception),
            _ => null,
        };

        if (problem is null)
        {
            if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Detail = "The server failed to process the request. Quote the traceId when reporting it.",
            };
        }

        if (exception is TooManyAttemptsProblem tooMany)
        {
            httpContext.Response.Headers.RetryAfter = tooMany.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The request was fine and will work once the database is back: a 503 the client may retry, not a 500. Nothing
    /// to repair here: Npgsql discards broken connections itself, and the first request after the return succeeds
    /// (DatabaseOutageTests pins it). Logged without a stack trace and at debug level: the background loops already
    /// say once that the database went away.
    /// </summary>
    private static ProblemDetails DatabaseAway(HttpContext httpContext, ILogger logger, NewsroomMetrics metrics, Exception exception)
    {
        metrics.DatabaseWentAway();
        LogDatabaseAway(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Detail = "The database is unreachable for the moment; try again in a few seconds.",
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Database unreachable for {Method} {Path}: {Reason}")]
    private static partial void LogDatabaseAway(ILogger logger, string method, string path, string reason);

    private static ValidationProblemDetails Validation(ValidationFailedProblem validation)
    {
        var details = new ValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.ValidationFailed.Type,
            Title = ProblemTypes.ValidationFailed.Title,
            Detail = validation.Detail,
        };
        return details;
    }

    private static ProblemDetails FromKnown(NewsroomProblem known)
    {
        var details = new ProblemDetails
        {
            Status = known switch
            {
                NotFoundProblem => StatusCodes.Status404NotFound,
                ConflictProblem => StatusCodes.Status409Conflict,
                ForbiddenProblem => StatusCodes.Status403Forbidden,
                UnauthorizedProblem => StatusCodes.Status401Unauthorized,
                PreconditionFailedProblem => StatusCodes.Status412PreconditionFailed,
                PreconditionRequiredProblem => StatusCodes.Status428PreconditionRequired,
                UnprocessableProblem => StatusCodes.Status422UnprocessableEntity,
                TooManyAttemptsProblem => StatusCodes.Status429TooManyRequests,
                _ => StatusCodes.Status400BadRequest,
            },
            Detail = known.Detail,
        };
        foreach (var (key, value) in known.Extensions)
        {
            details.Extensions[key] = value;
        }

        return details;
    }

    /// <summary>
    /// A domain rule: 422 when the request is fine but the article lacks something (the fields are listed),
    /// 409 when the article's state forbids the action (publishing what is already published).
    /// </summary>
    private static ProblemDetails FromRule(DomainRuleViolation rule)
    {
        var details = new ProblemDetails
        {
            Status = rule.Missing.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict,
            Detail = rule.Message,
        };
        if (rule.Missing.Count > 0)
        {
            details.Extensions["errors"] = rule.Missing;
        }

        return details;
    }

    /// <summary>Framework refusals: explain them in the client's terms (which JSON path was wrong), never with a stack trace.</summary>
    private static ProblemDetails FromBadRequest(BadHttpRequestException badRequest)
    {
        var detail = badRequest.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than the 1 MiB this API accepts.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ => FindJsonError(badRequest) is { } json
                ? $"The request body is not valid JSON or has a value of the wrong type{(string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $" at '{json.Path}'")}."
                : "The request is malformed: " + badRequest.Message,
        };
        return new ProblemDetails { Status = badRequest.StatusCode, Detail = detail };
    }

    private static JsonException? FindJsonError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
