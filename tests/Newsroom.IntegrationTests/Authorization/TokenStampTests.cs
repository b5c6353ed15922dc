using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Users;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.IntegrationTests.Authorization;

/// <summary>What makes a token's security stamp stale, as the bearer handler asks <see cref="IUserAccounts"/>.</summary>
public sealed class TokenStampTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private async Task<(Guid Id, string Stamp)> NewAccountAsync()
    {
        var (user, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        await using var scope = api.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>().FindByIdAsync(user.Id.ToString());
        return (user.Id, account!.SecurityStamp!);
    }

    private async Task<T> WithAccountsAsync<T>(Func<IUserAccounts, Task<T>> use)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IUserAccounts>());
    }

    [Fact]
    public async Task The_stamp_a_token_was_issued_with_is_current_until_something_rotates_it()
    {
        var (id, stamp) = await NewAccountAsync();

        Assert.True(await WithAccountsAsync(a => a.IsTokenStampCurrentAsync(id, stamp, CancellationToken.None)));
        Assert.False(await WithAccountsAsync(a => a.IsTokenStampCurrentAsync(id, stamp + "x", CancellationToken.None)));

        await WithAccountsAsync(a => a.ChangeRoleAsync(id, Roles.Editor, CancellationToken.None));

        Assert.False(await WithAccountsAsync(a => a.IsTokenStampCurrentAsync(id, stamp, CancellationToken.None)));
    }

    [Fact]
    public async Task A_disabled_or_unknown_account_has_no_current_stamp()
    {
        var (id, stamp) = await NewAccountAsync();

        Assert.False(await WithAccountsAsync(a => a.IsTokenStampCurrentAsync(Guid.NewGuid(), stamp, CancellationToken.None)));

        await WithAccountsAsync(a => a.SetDisabledAsync(id, true, CancellationToken.None));
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        var account = await users.FindByIdAsync(id.ToString());

        Assert.False(await WithAccountsAsync(a => a.IsTokenStampCurrentAsync(id, account!.SecurityStamp!, CancellationToken.None)));
    }
}
