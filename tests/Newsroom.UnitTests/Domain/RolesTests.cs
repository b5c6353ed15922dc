using Newsroom.Domain.Users;

namespace Newsroom.UnitTests.Domain;

public sealed class RolesTests
{
    [Theory]
    [InlineData("Admin")]
    [InlineData("Editor")]
    [InlineData("Author")]
    public void The_three_newsroom_roles_are_known_by_their_exact_names(string role)
    {
        Assert.True(Roles.IsKnown(role));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("editor")]
    [InlineData("Chief")]
    public void Anything_else_is_not_a_known_role(string? role)
    {
        Assert.False(Roles.IsKnown(role));
    }

    [Theory]
    [InlineData("editor", "Editor")]
    [InlineData(" ADMIN ", "Admin")]
    [InlineData("Author", "Author")]
    public void A_role_name_is_read_whatever_its_case_and_surrounding_spaces(string input, string expected)
    {
        Assert.Equal(expected, Roles.Normalize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Chief")]
    [InlineData("Edit")]
    public void A_missing_or_unknown_role_name_normalises_to_nothing(string? input)
    {
        Assert.Null(Roles.Normalize(input));
    }
}
