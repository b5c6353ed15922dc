using Newsroom.Application.Articles;
using Newsroom.Application.Common.Errors;
using Newsroom.Application.Users;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Authorization;

/// <summary>
/// The role rules live on the requests, so they hold whoever sends them (an endpoint, a job, an import), not only
/// behind the endpoints' policies. Every request here goes through the real mediator, no HTTP in between.
/// </summary>
public sealed class RequestAuthorizationTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task An_author_sending_PublishArticle_is_refused_before_the_article_is_even_looked_up()
    {
        var refusal = await Assert.ThrowsAsync<ForbiddenProblem>(() =>
            api.SendAsync<AdminArticleResponse>(Caller.WithRole(Roles.Author), new PublishArticle(Guid.NewGuid())));

        Assert.Contains("Editor", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_sending_PublishArticle_publishes_the_article()
    {
        var (editor, token) = await api.CreateUserWithTokenAsync(Roles.Editor);
        var draft = await api.CreateClientWithToken(token).CreateArticleAsync(ArticleFixtures.Body(await api.CreateAuthorAsync("Léa Martin")));

        var published = await api.SendAsync<AdminArticleResponse>(Caller.WithRole(Roles.Editor, editor.Id), new PublishArticle(Guid.Parse(draft.Id())));

        Assert.Equal(ArticleStatus.Published, published.Status);
    }

    [Fact]
    public async Task An_anonymous_caller_sending_WithdrawArticle_is_asked_to_authenticate()
    {
        await Assert.ThrowsAsync<UnauthorizedProblem>(() =>
            api.SendAsync<AdminArticleResponse>(Caller.Anonymous, new WithdrawArticle(Guid.NewGuid())));
    }

    [Fact]
    public async Task A_job_running_outside_any_request_cannot_publish_an_article_either()
    {
        await Assert.ThrowsAsync<UnauthorizedProblem>(() =>
            api.SendAsync<AdminArticleResponse>(Caller.TheNewsroomItself, new PublishArticle(Guid.NewGuid())));
    }

    [Fact]
    public async Task A_refused_caller_learns_nothing_about_validation()
    {
        // A schedule without an instant is invalid; the author must hear 403, not which field is missing.
        await Assert.ThrowsAsync<ForbiddenProblem>(() =>
            api.SendAsync<AdminArticleResponse>(Caller.WithRole(Roles.Author), new ScheduleArticle(Guid.NewGuid(), null)));
    }

    [Fact]
    public async Task User_management_is_for_admins_only()
    {
        await Assert.ThrowsAsync<ForbiddenProblem>(() =>
            api.SendAsync<IReadOnlyList<UserResponse>>(Caller.WithRole(Roles.Editor), new ListUsers()));

        var users = await api.SendAsync<IReadOnlyList<UserResponse>>(Caller.WithRole(Roles.Admin), new ListUsers());

        Assert.Contains(users, u => u.Email == NewsroomApiFactory.AdminEmail);
    }

    [Fact]
    public async Task Only_the_newsroom_itself_may_move_due_articles_live()
    {
        await Assert.ThrowsAsync<ForbiddenProblem>(() => api.SendAsync<int>(Caller.WithRole(Roles.Admin), new PublishDueArticles()));

        // Nothing is scheduled in this class's database: the round is allowed and finds nothing to do.
        Assert.Equal(0, await api.SendAsync<int>(Caller.TheNewsroomItself, new PublishDueArticles()));
    }
}
