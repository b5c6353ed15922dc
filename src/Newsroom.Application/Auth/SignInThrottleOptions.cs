using System.ComponentModel.DataAnnotations;

namespace Newsroom.Application.Auth;

/// <summary>
/// How sign-in failures slow guessing down (configuration section <c>Newsroom:SignIn</c>). Failures are counted
/// per (account, client address), per client address and per account; past a key's free failures each further
/// failure doubles its wait, up to <see cref="MaxDelaySeconds"/>. Nothing ever locks an account outright.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "Newsroom:SignIn";

    /// <summary>Failures of one account from one address before waits start (a user's own typos).</summary>
    [Range(1, 1000)]
    public int FreeFailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>Failures from one address, whatever the accounts, before waits start (one address trying many accounts).</summary>
    [Range(1, 100000)]
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>Failures of one account from all addresses it has not signed in from lately (guessing spread over many addresses).</summary>
    [Range(1, 100000)]
    public int FreeFailuresPerAccount { get; set; } = 10;

    /// <summary>The first wait; each further failure doubles it.</summary>
    [Range(1, 3600)]
    public int FirstDelaySeconds { get; set; } = 1;

    /// <summary>The longest wait.</summary>
    [Range(1, 86400)]
    public int MaxDelaySeconds { get; set; } = 900;

    /// <summary>Failures older than this are forgotten. At least as long as the longest wait, or waits would reset the count.</summary>
    [Range(1, 10080)]
    public int FailureMemoryMinutes { get; set; } = 60;

    /// <summary>An address the account signed in from within this many days is its own: failures spread over other addresses do not slow it.</summary>
    [Range(1, 365)]
    public int KnownAddressDays { get; set; } = 30;

    public TimeSpan FailureMemory => TimeSpan.FromMinutes(FailureMemoryMinutes);

    public TimeSpan KnownAddressFor => TimeSpan.FromDays(KnownAddressDays);
}
