using FluentValidation;

namespace Newsroom.Application.Common.Paging;

/// <summary>
/// How many items one page of a list or a search holds, the same for every list: the caller's <c>limit</c>, from 1 to
/// <see cref="Max"/>, <see cref="Default"/> when absent.
/// </summary>
public static class PageSize
{
    public const int Default = 20;
    public const int Max = 50;

    /// <summary>The page size for this <c>limit</c> (already validated by <see cref="ValidPageSize{T}"/>).</summary>
    public static int Of(int? limit) => limit ?? Default;

    /// <summary>A <c>limit</c> outside 1 to <see cref="Max"/> is a 400 on that field.</summary>
    public static IRuleBuilderOptions<T, int?> ValidPageSize<T>(this IRuleBuilder<T, int?> limit) =>
        limit.InclusiveBetween(1, Max).WithMessage($"must be between 1 and {Max}.");
}
