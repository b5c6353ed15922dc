using System.Diagnostics;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Attack: telling which e-mails have accounts by how fast sign-in refuses them (a known e-mail's wrong password
/// was hashed, 79–139 ms; an unknown e-mail was refused in 2–3 ms).
/// </summary>
public sealed class SignInTimingEnumerationTests(SignInTimingEnumerationTests.Factory api) : IClassFixture<SignInTimingEnumerationTests.Factory>
{
    /// <summary>Enough free failures that no attempt here is throttled: this class measures the refusals themselves.</summary>
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Newsroom:SignIn:FreeFailuresPerAccountAndAddress"] = "1000",
            ["Newsroom:SignIn:FreeFailuresPerAddress"] = "1000",
            ["Newsroom:SignIn:FreeFailuresPerAccount"] = "1000",
        };
    }

    [Fact]
    public async Task An_unknown_email_is_refused_after_as_much_work_as_a_wrong_password()
    {
        var (user, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        var client = api.CreateClient();
        var unknown = new List<double>();
        var known = new List<double>();
        // Rounds alternate the two kinds, so a burst of load on this shared machine slows both alike; medians ignore outliers.
        for (var round = 0; round < 11; round++)
        {
            var unknownTime = await TimeRefusalAsync(client, $"personne-{round}@tests.newsroom");
            var knownTime = await TimeRefusalAsync(client, user.Email);
            if (round >= 2)
            {
                unknown.Add(unknownTime);
                known.Add(knownTime);
            }
        }

        var (unknownMedian, knownMedian) = (Median(unknown), Median(known));
        Assert.True(unknownMedian >= knownMedian / 2,
            $"an unknown e-mail was refused in {unknownMedian:F1} ms (median), a wrong password in {knownMedian:F1} ms: the unknown path skips the hashing");
    }

    private static async Task<double> TimeRefusalAsync(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.AttemptAsync(email, "not-the-password-at-all");
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
