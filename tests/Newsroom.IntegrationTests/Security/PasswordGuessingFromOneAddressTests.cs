using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Attack: guessing an account's password from one address. Past five free failures the address waits for that
/// account, twice as long after each failure, while the owner elsewhere signs in as usual; and the waits are the
/// same whether the e-mail has an account or not.
/// </summary>
public sealed class PasswordGuessingFromOneAddressTests(ThrottleApiFactory api) : IClassFixture<ThrottleApiFactory>
{
    private const string Attacker = "203.0.113.7";

    [Fact]
    public async Task The_attackers_address_waits_longer_after_each_failure_while_the_owner_signs_in_from_elsewhere()
    {
        var (owner, _) = await api.CreateUserWithTokenAsync(Roles.Editor);
        var attacker = api.CreateClientFrom(Attacker);
        var ownerAtHome = api.CreateClientFrom("198.51.100.20");
        await ownerAtHome.TokenAsync(owner.Email, NewsroomApiFactory.UserPassword);

        var waits = await FailUntilThrottledAsync(attacker, owner.Email, rounds: 4);

        Assert.Equal([1, 2, 4, 8], waits);
        // Refused before any password check: even the right password waits.
        await (await attacker.AttemptAsync(owner.Email, NewsroomApiFactory.UserPassword)).AssertThrottledAsync();
        Assert.Equal(HttpStatusCode.OK, (await ownerAtHome.AttemptAsync(owner.Email, NewsroomApiFactory.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_is_throttled_exactly_like_a_known_one()
    {
        var (owner, _) = await api.CreateUserWithTokenAsync(Roles.Author);

        var knownWaits = await FailUntilThrottledAsync(api.CreateClientFrom("203.0.113.21"), owner.Email, rounds: 3);
        var unknownWaits = await FailUntilThrottledAsync(api.CreateClientFrom("203.0.113.22"), "personne-" + Guid.NewGuid().ToString("N") + "@tests.newsroom", rounds: 3);

        Assert.Equal(knownWaits, unknownWaits);
    }

    [Fact]
    public async Task A_wait_is_served_in_full_and_then_one_more_guess_is_let_through()
    {
        var (owner, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        var attacker = api.CreateClientFrom("203.0.113.31");
        var wait = (await FailUntilThrottledAsync(attacker, owner.Email, rounds: 1)).Single();

        api.Clock.Advance(TimeSpan.FromSeconds(wait) - TimeSpan.FromMilliseconds(100));
        await (await attacker.AttemptAsync(owner.Email, "still-too-early")).AssertThrottledAsync();
        api.Clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(HttpStatusCode.OK, (await attacker.AttemptAsync(owner.Email, NewsroomApiFactory.UserPassword)).StatusCode);
    }

    /// <summary>
    /// Five free failures, then for each round: one more failure, the wait it earns (read from the next attempt's 429),
    /// and the clock moved past it.
    /// </summary>
    private async Task<List<int>> FailUntilThrottledAsync(HttpClient client, string email, int rounds)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.AttemptAsync(email, "wrong-guess-" + attempt)).StatusCode);
        }

        var waits = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.AttemptAsync(email, "another-guess-" + round)).StatusCode);
            var wait = await (await client.AttemptAsync(email, "guess-while-waiting")).AssertThrottledAsync();
            waits.Add(wait);
            if (round < rounds - 1)
            {
                api.Clock.Advance(TimeSpan.FromSeconds(wait));
            }
        }

        return waits;
    }
}
