using FluentValidation;
using Newsroom.Application.Common.Validation;
using Newsroom.Domain;
using Newsroom.Domain.Tags;

namespace Newsroom.Application.Tags;

/// <summary>The rules a tag name must pass wherever it comes from: renaming a tag, or filing an article under it.</summary>
internal static class TagValidation
{
    public static IRuleBuilderOptions<T, string> TagName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("must not be empty.")
            .Must(name => Tag.NormalizeName(name).Length <= Tag.NameMaxLength).WithMessage($"must be at most {Tag.NameMaxLength} characters.")
            .AllowedCharacters()
            .Must(name => Slug.From(name).Length > 0).WithMessage("must contain at least one letter or digit.");
}
