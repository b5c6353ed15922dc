using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Auth;
using Newsroom.Api.OpenApi;
using Newsroom.Application.Tags;

namespace Newsroom.Api.Endpoints;

/// <summary>Editors tidy the tags that articles create: rename, merge duplicates, delete.</summary>
public static class AdminTagsEndpoints
{
    /// <summary>A tag's new name.</summary>
    /// <param name="Name">1–80 characters; the slug follows it.</param>
    public sealed record RenameTagBody(string Name);

    /// <summary>Where a merged tag's articles go.</summary>
    /// <param name="TargetId">The tag that stays; it must be another existing tag.</param>
    public sealed record MergeTagBody(Guid? TargetId);

    public static IEndpointRouteBuilder MapAdminTagsEndpoints(this IEndpointRouteBuilder admin)
    {
        var tags = admin.MapGroup("/tags").WithTags("Admin: tags").RequireAuthorization(Policies.EditorOrAdmin);
        tags.MapGet("/", List)
            .WithName("ListAdminTags").WithSummary("All tags by name, with how many articles (of any status) carry each.");
        tags.MapGet("/{id:guid}", Get)
            .WithName("GetAdminTag").WithSummary("One tag with its article count.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        tags.MapPut("/{id:guid}", Rename)
            .WithName("RenameTag").WithSummary("Renames a tag; its slug follows. A slug another tag has is a 409: merge them instead.")
            .WithRequestExample(new RenameTagBody("Intelligence artificielle"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tags.MapPost("/{id:guid}/merge", Merge)
            .WithName("MergeTag").WithSummary("Moves a tag's articles to another tag and deletes it; returns the tag that stays.")
            .WithDescription("An article carrying both keeps a single link, at the earlier of the two positions. Merging a tag into itself or into an unknown tag is a 400 on `targetId`.")
            .WithRequestExample(new MergeTagBody(Guid.Parse("0195b2a4-7c1e-7d3a-9f00-3c5e8a1b2c4d")))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        tags.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteTag").WithSummary("Deletes a tag and removes it from its articles.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Ok<IReadOnlyList<TagResponse>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListTags(), ct));

    private static async Task<Ok<TagResponse>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetTag(id), ct));

    private static async Task<Ok<TagResponse>> Rename(Guid id, RenameTagBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RenameTag(id, body.Name ?? string.Empty), ct));

    private static async Task<Ok<TagResponse>> Merge(Guid id, MergeTagBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new MergeTags(id, body.TargetId ?? Guid.Empty), ct));

    private static async Task<NoContent> Delete(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteTag(id), ct);
        return TypedResults.NoContent();
    }
}
