using FluentValidation;
using Newsroom.Application.Common.Paging;

namespace Newsroom.UnitTests;

/// <summary>One page-size rule for every list and search: 1 to 50, 20 when the caller gives none.</summary>
public sealed class PageSizeTests
{
    private sealed record Listing(int? Limit);

    private sealed class ListingValidator : AbstractValidator<Listing>
    {
        public ListingValidator() => RuleFor(l => l.Limit).ValidPageSize();
    }

    [Fact]
    public void No_limit_means_twenty() => Assert.Equal(20, PageSize.Of(null));

    [Fact]
    public void A_given_limit_is_kept() => Assert.Equal(7, PageSize.Of(7));

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(50)]
    public void A_limit_from_1_to_50_or_none_is_accepted(int? limit) =>
        Assert.True(new ListingValidator().Validate(new Listing(limit)).IsValid);

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-3)]
    public void A_limit_outside_1_to_50_is_refused_and_says_the_bounds(int limit)
    {
        var failure = Assert.Single(new ListingValidator().Validate(new Listing(limit)).Errors);

        Assert.Equal("Limit", failure.PropertyName);
        Assert.Equal("must be between 1 and 50.", failure.ErrorMessage);
    }
}
