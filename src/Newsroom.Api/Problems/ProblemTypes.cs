using Microsoft.AspNetCore.Http;

namespace Newsroom.Api.Problems;

/// <summary>
/// The one list of problem types: every error response carries one of these stable URNs and its fixed title.
/// The README lists them with their status codes.
/// </summary>
public static class ProblemTypes
{
    public const string Prefix = "urn:newsroom:problem:";

    private static readonly Dictionary<int, (string Name, string Title)> ByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = ("bad-request", "The request is malformed."),
        [StatusCodes.Status401Unauthorized] = ("unauthorized", "Authentication is required."),
        [StatusCodes.Status403Forbidden] = ("forbidden", "You may not do this."),
        [StatusCodes.Status404NotFound] = ("not-found", "Not found."),
        [StatusCodes.Status405MethodNotAllowed] = ("method-not-allowed", "Method not allowed."),
        [StatusCodes.Status406NotAcceptable] = ("not-acceptable", "Not acceptable."),
        [StatusCodes.Status409Conflict] = ("conflict", "The request conflicts with the current state."),
        [StatusCodes.Status412PreconditionFailed] = ("precondition-failed", "The resource has changed since you read it."),
        [StatusCodes.Status413PayloadTooLarge] = ("payload-too-large", "The request body is too large."),
        [StatusCodes.Status415UnsupportedMediaType] = ("unsupported-media-type", "Unsupported media type."),
        [StatusCodes.Status422UnprocessableEntity] = ("unprocessable", "The request cannot be applied in the current state."),
        [StatusCodes.Status428PreconditionRequired] = ("precondition-required", "If-Match is required."),
        [StatusCodes.Status429TooManyRequests] = ("rate-limited", "Too many requests."),
        [StatusCodes.Status500InternalServerError] = ("internal", "An unexpected error occurred."),
        [StatusCodes.Status503ServiceUnavailable] = ("service-unavailable", "The service is unavailable."),
    };

    /// <summary>Validation failures are 400s with their own type, because clients treat them differently (per-field messages).</summary>
    public static readonly (string Type, string Title) ValidationFailed = (Prefix + "validation-failed", "One or more fields are invalid.");

    /// <summary>A 403 of its own: a client sends the user to the change-password screen rather than saying "not allowed".</summary>
    public static readonly (string Type, string Title) PasswordChangeRequired = (Prefix + "password-change-required", "The password must be changed first.");

    public static (string Type, string Title) ForStatus(int status) =>
        ByStatus.TryGetValue(status, out var known)
            ? (Prefix + known.Name, known.Title)
            : (Prefix + (status >= 500 ? "internal" : "bad-request"), status >= 500 ? "An unexpected error occurred." : "The request failed.");

    public static IEnumerable<(int Status, string Type, string Title)> All() =>
        ByStatus.Select(p => (p.Key, Prefix + p.Value.Name, p.Value.Title)).Append((400, ValidationFailed.Type, ValidationFailed.Title))
            .Append((403, PasswordChangeRequired.Type, PasswordChangeRequired.Title));
}
