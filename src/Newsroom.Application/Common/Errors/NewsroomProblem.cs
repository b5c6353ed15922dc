namespace Newsroom.Application.Common.Errors;

/// <summary>
/// An error the caller can act on. Handlers throw these; the API maps each kind to one status code and one
/// problem type, so the same failure always looks the same to a client.
/// </summary>
public abstract class NewsroomProblem(string detail) : Exception(detail)
{
    public string Detail => Message;

    /// <summary>Extra members written into the problem document (e.g. the current version on a 412).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}

/// <summary>404: the thing does not exist, or this caller may not know it exists.</summary>
public sealed class NotFoundProblem(string detail) : NewsroomProblem(detail)
{
    public static NotFoundProblem For(string what, object key) => new($"No {what} matches '{key}'.");
}

/// <summary>409: the request conflicts with the current state or with a uniqueness rule.</summary>
public sealed class ConflictProblem(string detail) : NewsroomProblem(detail);

/// <summary>403: the caller is known but may not do this to this object.</summary>
public sealed class ForbiddenProblem(string detail) : NewsroomProblem(detail);

/// <summary>401: no or bad credentials.</summary>
public sealed class UnauthorizedProblem(string detail) : NewsroomProblem(detail);

/// <summary>412: the If-Match version is stale.</summary>
public sealed class PreconditionFailedProblem : NewsroomProblem
{
    public PreconditionFailedProblem(string detail, string currentVersion) : base(detail)
    {
        CurrentVersion = currentVersion;
        Extensions["currentVersion"] = currentVersion;
    }

    public string CurrentVersion { get; }
}

/// <summary>428: an update was sent without If-Match.</summary>
public sealed class PreconditionRequiredProblem(string detail) : NewsroomProblem(detail);

/// <summary>422: a well-formed request that the current state of the object cannot accept.</summary>
public sealed class UnprocessableProblem : NewsroomProblem
{
    public UnprocessableProblem(string detail, IReadOnlyDictionary<string, string[]>? errors = null) : base(detail)
    {
        Errors = errors ?? new Dictionary<string, string[]>();
        if (Errors.Count > 0)
        {
            Extensions["errors"] = Errors;
        }
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>400: the input breaks one or more rules; <see cref="Errors"/> maps camelCase field paths to messages.</summary>
public sealed class ValidationFailedProblem(IReadOnlyDictionary<string, string[]> errors)
    : NewsroomProblem(Describe(errors))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedProblem ForField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        errors.Count == 1
            ? $"The field '{errors.Keys.First()}' is invalid: {errors.Values.First().FirstOrDefault()}"
            : $"{errors.Count} fields are invalid: {string.Join(", ", errors.Keys)}.";
}

/// <summary>429: too many attempts; the client must wait <see cref="RetryAfter"/> (sent as <c>Retry-After</c>).</summary>
public sealed class TooManyAttemptsProblem(string detail, TimeSpan retryAfter) : NewsroomProblem(detail)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whole seconds, rounded up and at least one, as <c>Retry-After</c> wants them.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
