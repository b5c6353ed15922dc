using System.Net;
using System.Net.Sockets;

namespace Newsroom.Application.Auth;

/// <summary>
/// Who is signing in, as the throttle counts it: the account's normalised e-mail (known or not: unknown e-mails are
/// throttled exactly like known ones, so waits reveal nothing) and the client's address.
/// </summary>
/// <param name="Account">The e-mail as Identity normalises it (trimmed, Unicode-normalised, upper case).</param>
/// <param name="Address">IPv4 as is; IPv6 reduced to its /64, the block one subscriber gets and can rotate freely.</param>
public sealed record SignInKeys(string Account, string Address)
{
    public const string UnknownAddress = "unknown";

    public static SignInKeys For(string email, IPAddress? address) => new(NormalizeAccount(email), NormalizeAddress(address));

    public static string NormalizeAccount(string email) => email.Trim().Normalize().ToUpperInvariant();

    public static string NormalizeAddress(IPAddress? address)
    {
        if (address is null)
        {
            return UnknownAddress;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>Counts of one throttle key: failures not yet forgotten, and until when attempts wait.</summary>
public sealed record ThrottleCount(int Failures, DateTimeOffset? LastFailureAt, DateTimeOffset? BlockedUntil);

/// <summary>The throttle's arithmetic, apart from its storage.</summary>
public static class SignInThrottlePolicy
{
    /// <summary>How long an attempt must still wait, or null when it may go ahead.</summary>
    public static TimeSpan? Wait(ThrottleCount count, DateTimeOffset now) =>
        count.BlockedUntil is { } until && until > now ? until - now : null;

    /// <summary>The count once this attempt is counted as a failure: forgotten failures restart from zero, and past the free ones each failure doubles the wait.</summary>
    public static ThrottleCount CountFailure(ThrottleCount count, int freeFailures, DateTimeOffset now, SignInThrottleOptions options)
    {
        var failures = Remembered(count, now, options) + 1;
        return new ThrottleCount(failures, now, Delay(failures, freeFailures, options) is { } delay ? now + delay : null);
    }

    /// <summary>Takes back one failure counted in advance for an attempt that turned out to be right.</summary>
    public static ThrottleCount TakeBackFailure(ThrottleCount count, int freeFailures, DateTimeOffset now, SignInThrottleOptions options)
    {
        var failures = Math.Max(0, Remembered(count, now, options) - 1);
        var since = count.LastFailureAt ?? now;
        return new ThrottleCount(failures, count.LastFailureAt, Delay(failures, freeFailures, options) is { } delay ? since + delay : null);
    }

    /// <summary>No wait up to the free failures, then the first delay, doubling with each failure, capped.</summary>
    public static TimeSpan? Delay(int failures, int freeFailures, SignInThrottleOptions options)
    {
        var beyond = failures - freeFailures;
        if (beyond <= 0)
        {
            return null;
        }

        var seconds = Math.Min(options.MaxDelaySeconds, options.FirstDelaySeconds * Math.Pow(2, Math.Min(beyond - 1, 30)));
        return TimeSpan.FromSeconds(seconds);
    }

    private static int Remembered(ThrottleCount count, DateTimeOffset now, SignInThrottleOptions options) =>
        count.LastFailureAt is { } last && now - last < options.FailureMemory ? count.Failures : 0;
}

/// <summary>
/// Slows guessing down without ever locking anyone out. Kept in the database so that every instance behind a load
/// balancer sees the same counts.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>
    /// Lets an attempt go ahead, or says how long it must wait. An admitted attempt is counted as a failure at once,
    /// atomically, so that parallel attempts cannot all slip in before the first is counted; <see cref="SucceededAsync"/>
    /// takes it back.
    /// </summary>
    Task<TimeSpan?> AdmitAsync(SignInKeys keys, CancellationToken cancellationToken);

    /// <summary>A right password: forgets this address's failures for the account and remembers the address as the account's own.</summary>
    Task SucceededAsync(SignInKeys keys, CancellationToken cancellationToken);

    /// <summary>Forgets every failure and wait of an account (an admin's unlock), from all addresses.</summary>
    Task ClearAccountAsync(string account, CancellationToken cancellationToken);
}
