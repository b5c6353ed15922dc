using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Articles;

/// <summary>Publishes now (Editor+). Needs a standfirst and an author; a 422 lists what is missing.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record PublishArticle(Guid Id) : ICommand<AdminArticleResponse>;

/// <summary>Schedules publication at a future instant (Editor+); the article is public from that instant to the second.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record ScheduleArticle(Guid Id, DateTimeOffset? PublishAt) : ICommand<AdminArticleResponse>;

/// <summary>Takes a scheduled article back to draft (Editor+).</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record UnscheduleArticle(Guid Id) : ICommand<AdminArticleResponse>;

/// <summary>Removes a published article from every public view (Editor+); it can be published again later.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record WithdrawArticle(Guid Id) : ICommand<AdminArticleResponse>;

public sealed class ScheduleArticleValidator : AbstractValidator<ScheduleArticle>
{
    public ScheduleArticleValidator() => RuleFor(c => c.PublishAt).NotNull().WithMessage("is required.");
}

public sealed class PublicationHandlers(IArticleRepository articles, IArticleQueries queries, ArticleWriting writing, IUnitOfWork unitOfWork) :
    ICommandHandler<PublishArticle, AdminArticleResponse>,
    ICommandHandler<ScheduleArticle, AdminArticleResponse>,
    ICommandHandler<UnscheduleArticle, AdminArticleResponse>,
    ICommandHandler<WithdrawArticle, AdminArticleResponse>
{
    public ValueTask<AdminArticleResponse> Handle(PublishArticle command, CancellationToken cancellationToken) =>
        ApplyAsync(command.Id, "published", a => a.Publish(writing.Now), cancellationToken);

    public ValueTask<AdminArticleResponse> Handle(ScheduleArticle command, CancellationToken cancellationToken) =>
        ApplyAsync(command.Id, "scheduled", a => a.Schedule(command.PublishAt!.Value.ToUniversalTime(), writing.Now), cancellationToken);

    public ValueTask<AdminArticleResponse> Handle(UnscheduleArticle command, CancellationToken cancellationToken) =>
        ApplyAsync(command.Id, "unscheduled", a => a.Unschedule(writing.Now), cancellationToken);

    public ValueTask<AdminArticleResponse> Handle(WithdrawArticle command, CancellationToken cancellationToken) =>
        ApplyAsync(command.Id, "withdrawn", a => a.Withdraw(writing.Now), cancellationToken);

    private async ValueTask<AdminArticleResponse> ApplyAsync(Guid id, string action, Action<Article> change, CancellationToken cancellationToken)
    {
        var article = await articles.FindAsync(id, cancellationToken) ?? throw NotFoundProblem.For("article", id);
        change(article);
        await writing.RecordRevisionAsync(article, action, ["status"], null, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return (await queries.GetAdminAsync(article.Id, cancellationToken))!;
    }
}
