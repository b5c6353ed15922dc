using System.Net;
using Newsroom.Application.Auth;

namespace Newsroom.UnitTests.Security;

public sealed class SignInThrottlePolicyTests
{
    private static readonly SignInThrottleOptions Rules = new() { FirstDelaySeconds = 1, MaxDelaySeconds = 900, FailureMemoryMinutes = 60 };
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Free_failures_cost_no_wait_then_each_failure_doubles_it_up_to_the_cap()
    {
        var delays = Enumerable.Range(1, 20).Select(failures => SignInThrottlePolicy.Delay(failures, freeFailures: 5, Rules)?.TotalSeconds).ToList();

        Assert.Equal([null, null, null, null, null, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900, 900], delays);
    }

    [Fact]
    public void Failures_older_than_the_memory_are_forgotten()
    {
        var old = new ThrottleCount(9, Now - TimeSpan.FromMinutes(61), Now - TimeSpan.FromMinutes(50));

        var counted = SignInThrottlePolicy.CountFailure(old, freeFailures: 5, Now, Rules);

        Assert.Equal(new ThrottleCount(1, Now, null), counted);
    }

    [Fact]
    public void A_failure_past_the_free_ones_blocks_until_its_delay_is_over()
    {
        var count = SignInThrottlePolicy.CountFailure(new ThrottleCount(6, Now.AddSeconds(-1), null), freeFailures: 5, Now, Rules);

        Assert.Equal(TimeSpan.FromSeconds(2), SignInThrottlePolicy.Wait(count, Now));
        Assert.Null(SignInThrottlePolicy.Wait(count, Now.AddSeconds(2)));
    }

    [Fact]
    public void A_right_password_takes_back_the_failure_counted_in_advance_and_its_wait()
    {
        var counted = SignInThrottlePolicy.CountFailure(new ThrottleCount(20, Now.AddSeconds(-5), null), freeFailures: 20, Now, Rules);

        var takenBack = SignInThrottlePolicy.TakeBackFailure(counted, freeFailures: 20, Now, Rules);

        Assert.Equal(20, takenBack.Failures);
        Assert.Null(SignInThrottlePolicy.Wait(takenBack, Now));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Addresses_are_keyed_by_what_one_client_can_easily_change(string address, string key)
    {
        Assert.Equal(key, SignInKeys.NormalizeAddress(IPAddress.Parse(address)));
    }

    [Fact]
    public void Accounts_are_keyed_like_identity_normalises_emails_and_a_missing_address_is_one_key()
    {
        Assert.Equal(SignInKeys.For("Lea.Moreau@Exemple.fr ", null), SignInKeys.For(" lea.moreau@exemple.fr", null));
        Assert.Equal(SignInKeys.UnknownAddress, SignInKeys.For("x@exemple.fr", null).Address);
    }
}
