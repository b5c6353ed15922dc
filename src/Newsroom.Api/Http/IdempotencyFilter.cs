using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Errors;

namespace Newsroom.Api.Http;

/// <summary>
/// Honours Idempotency-Key on a creating POST: a retry with the same key and body within 24 h gets the first
/// answer and creates nothing; the same key with another body is a 422.
/// </summary>
internal sealed class IdempotencyFilter<TBody, TCreated>(IIdempotencyStore store, ICurrentUser currentUser, IOptions<JsonOptions> json) : IEndpointFilter
    where TBody : class
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = context.HttpContext.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return await next(context);
        }

        if (key.Length > 200 || key.Any(char.IsControl))
        {
            throw ValidationFailedProblem.ForField(Header, "must be 1–200 printable characters.");
        }

        var userId = currentUser.RequireUserId();
        var body = context.Arguments.OfType<TBody>().First();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, json.Value.SerializerOptions))));
        var ct = context.HttpContext.RequestAborted;
        var (outcome, stored) = await store.BeginAsync(userId, key, hash, ct);
        switch (outcome)
        {
            case IdempotencyOutcome.Replay:
                if (stored!.Location is not null)
                {
                    context.HttpContext.Response.Headers.Location = stored.Location;
                }

                context.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Text(stored.Body, "application/json", Encoding.UTF8, stored.StatusCode);
            case IdempotencyOutcome.Mismatch:
                throw new UnprocessableProblem("This Idempotency-Key was already used with a different request body.");
            case IdempotencyOutcome.InProgress:
                throw new ConflictProblem("A request with this Idempotency-Key is still being processed; retry shortly.");
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await store.AbandonAsync(userId, key, CancellationToken.None);
            throw;
        }

        if (result is Created<TCreated> created)
        {
            var payload = JsonSerializer.Serialize(created.Value, json.Value.SerializerOptions);
            await store.CompleteAsync(userId, key, new StoredResponse(StatusCodes.Status201Created, created.Location, payload), CancellationToken.None);
        }
        else
        {
            await store.AbandonAsync(userId, key, CancellationToken.None);
        }

        return result;
    }
}
