namespace Newsroom.Application.Common.Abstractions;

/// <summary>
/// A command whose writes must persist even when it fails (a failed sign-in must still count towards lockout),
/// so the transaction behaviour leaves it alone.
/// </summary>
public interface ISelfCommittingCommand;
