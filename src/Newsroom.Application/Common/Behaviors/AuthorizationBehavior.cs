using System.Reflection;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;

namespace Newsroom.Application.Common.Behaviors;

/// <summary>
/// Refuses a request whose sender lacks what its type declares (<see cref="RequiresRoleAttribute"/>,
/// <see cref="SystemOnlyAttribute"/>). It runs before validation so that, as over HTTP, a caller who may not send the
/// request learns nothing about what a valid one would look like.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser caller) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    // Read once per request type: a static field of a generic type is one per closed type.
    private static readonly RequiresRoleAttribute? RoleRequirement = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>();
    private static readonly bool SystemOnly = typeof(TMessage).IsDefined(typeof(SystemOnlyAttribute), inherit: false);

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (SystemOnly && !caller.IsSystem)
        {
            throw new ForbiddenProblem($"Only the newsroom itself may send {typeof(TMessage).Name}.");
        }

        if (RoleRequirement is { } required)
        {
            if (!caller.IsAuthenticated)
            {
                throw new UnauthorizedProblem("Authentication is required.");
            }

            if (caller.Role is not { } role || !required.Roles.Contains(role, StringComparer.Ordinal))
            {
                throw new ForbiddenProblem($"Your role does not allow this action ({string.Join(" or ", required.Roles)} only).");
            }
        }

        return next(message, cancellationToken);
    }
}
