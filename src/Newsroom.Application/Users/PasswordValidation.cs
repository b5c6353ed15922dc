using FluentValidation;

namespace Newsroom.Application.Users;

public static class PasswordValidation
{
    /// <summary>The <see cref="PasswordRules"/>, each reason a message on the password's field.</summary>
    public static IRuleBuilderOptionsConditions<T, string> MustBeAStrongPassword<T>(
        this IRuleBuilder<T, string> rule, Func<T, string?> email, Func<T, string?> displayName) =>
        rule.Custom((password, context) =>
        {
            foreach (var reason in PasswordRules.Refusals(password, email(context.InstanceToValidate), displayName(context.InstanceToValidate)))
            {
                context.AddFailure(reason);
            }
        });
}
