namespace Newsroom.IntegrationTests.Security;

/// <summary>Sign-in requests for the security tests.</summary>
internal static class SignIn
{
    public static Task<HttpResponseMessage> AttemptAsync(this HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    public static async Task<string> TokenAsync(this HttpClient client, string email, string password)
    {
        var response = await client.AttemptAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Asserts a 429 problem and returns its Retry-After in seconds.</summary>
    public static async Task<int> AssertThrottledAsync(this HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        return (int)retryAfter.Value.TotalSeconds;
    }
}

/// <summary>A factory whose clock only moves when a test says, so waits can be served without sleeping.</summary>
public sealed class ThrottleApiFactory : NewsroomApiFactory
{
    protected override bool UseFakeClock => true;
}
