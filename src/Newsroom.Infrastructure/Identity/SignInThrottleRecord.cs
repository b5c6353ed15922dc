namespace Newsroom.Infrastructure.Identity;

/// <summary>
/// One throttle key's counts. The key is (account, address) for an account from one address, ("", address) for an
/// address whatever the account, and (account, "") for an account from everywhere. On (account, address) rows,
/// <see cref="LastSucceededAt"/> remembers that the address is the account's own.
/// </summary>
public sealed class SignInThrottleRecord
{
    public string Account { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public int Failures { get; set; }

    public DateTimeOffset? LastFailureAt { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }

    public DateTimeOffset? LastSucceededAt { get; set; }
}
