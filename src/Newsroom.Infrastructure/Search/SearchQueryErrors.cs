using Newsroom.Application.Common.Errors;
using Npgsql;

namespace Newsroom.Infrastructure.Search;

/// <summary>
/// PostgreSQL's refusals to parse a reader's query, turned into the 400 a validator would have given: the
/// validators cap words and operators, and this boundary catches whatever a future query still makes the parser or
/// the planner refuse, so that no query string is ever a 500 with a stack trace in the logs.
/// </summary>
internal static class SearchQueryErrors
{
    public static async Task<T> RefusedAsBadQueryAsync<T>(Func<Task<T>> search)
    {
        try
        {
            return await search();
        }
        catch (PostgresException exception) when (IsQueryRefusal(exception))
        {
            throw ValidationFailedProblem.ForField("q", "could not be read as a search; use fewer words and operators ('-', 'OR', quotation marks).");
        }
    }

    /// <summary>
    /// syntax_error (42601), program_limit_exceeded (54000: tsquery too large, word too long), statement_too_complex
    /// (54001: stack depth), and the tsquery parser's internal errors (XX000 "tsquery stack too small"); nothing else,
    /// so a real failure of the database stays a 500.
    /// </summary>
    public static bool IsQueryRefusal(PostgresException exception) => exception.SqlState switch
    {
        PostgresErrorCodes.SyntaxError or PostgresErrorCodes.ProgramLimitExceeded or PostgresErrorCodes.StatementTooComplex => true,
        PostgresErrorCodes.InternalError => exception.MessageText.Contains("tsquery", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
