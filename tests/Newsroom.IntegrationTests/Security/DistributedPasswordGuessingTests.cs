using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Attack: guessing one account's password from many addresses, a few guesses each, so that no address is ever
/// slowed down. The account itself then waits, except at the addresses it signed in from lately: its owner keeps working.
/// </summary>
public sealed class DistributedPasswordGuessingTests(ThrottleApiFactory api) : IClassFixture<ThrottleApiFactory>
{
    [Fact]
    public async Task Guesses_spread_over_many_addresses_slow_the_account_down_except_at_the_owners_usual_address()
    {
        var (owner, _) = await api.CreateUserWithTokenAsync(Roles.Admin);
        var office = api.CreateClientFrom("198.51.100.40");
        await office.TokenAsync(owner.Email, NewsroomApiFactory.UserPassword);

        // Ten free failures for the account as a whole, one per address, then each one doubles the account's wait.
        for (var bot = 1; bot <= 11; bot++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClientFrom($"203.0.113.{bot}").AttemptAsync(owner.Email, "guess-" + bot)).StatusCode);
        }

        var freshBot = await api.CreateClientFrom("203.0.113.99").AttemptAsync(owner.Email, "guess-99");
        Assert.Equal(1, await freshBot.AssertThrottledAsync());
        Assert.Equal(HttpStatusCode.OK, (await office.AttemptAsync(owner.Email, NewsroomApiFactory.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task Guesses_at_unknown_emails_spread_over_many_addresses_are_slowed_down_alike()
    {
        var email = "personne-" + Guid.NewGuid().ToString("N") + "@tests.newsroom";
        for (var bot = 1; bot <= 11; bot++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClientFrom($"192.0.2.{bot}").AttemptAsync(email, "guess-" + bot)).StatusCode);
        }

        Assert.Equal(1, await (await api.CreateClientFrom("192.0.2.99").AttemptAsync(email, "guess-99")).AssertThrottledAsync());
    }
}
