using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Errors;

namespace Newsroom.Application.Common.Behaviors;

/// <summary>Runs every validator of the message and reports all failures at once, keyed by camelCase field path.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TMessage>(message), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => FieldPath.ToCamelCase(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
            throw new ValidationFailedProblem(errors);
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>FluentValidation names fields in C# casing ("CoverImage.Alt", "Tags[3]"); clients see JSON casing ("coverImage.alt").</summary>
public static class FieldPath
{
    public static string ToCamelCase(string path) =>
        string.Join('.', path.Split('.').Select(segment =>
            segment.Length == 0 || char.IsLower(segment[0]) ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
