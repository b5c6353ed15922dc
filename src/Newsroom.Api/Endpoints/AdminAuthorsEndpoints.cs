using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Auth;
using Newsroom.Api.OpenApi;
using Newsroom.Application.Authors;

namespace Newsroom.Api.Endpoints;

/// <summary>Editors manage the bylines and link them to accounts.</summary>
public static class AdminAuthorsEndpoints
{
    /// <summary>The writable fields of an author.</summary>
    /// <param name="Name">Byline name, 1–100 characters.</param>
    /// <param name="Slug">URL name (lowercase words joined by hyphens). On creation it defaults to one made from the name; on update, leaving it out keeps the current one.</param>
    /// <param name="Bio">Optional, up to 1000 characters.</param>
    /// <param name="AvatarUrl">Optional https link to a portrait.</param>
    /// <param name="UserId">Optional id of the account that signs in as this author; it may then edit the articles it signs.</param>
    public sealed record AuthorBody(string Name, string? Slug, string? Bio, string? AvatarUrl, Guid? UserId);

    public static IEndpointRouteBuilder MapAdminAuthorsEndpoints(this IEndpointRouteBuilder admin)
    {
        var authors = admin.MapGroup("/authors").WithTags("Admin: authors").RequireAuthorization(Policies.EditorOrAdmin);
        authors.MapPost("/", Create)
            .WithName("CreateAuthor").WithSummary("Adds an author; the slug defaults to one made from the name.")
            .WithRequestExample(new AuthorBody("Claire Dubois", null, "Journaliste spécialisée en télécoms et usages mobiles.", "https://cdn.exemple.fr/auteurs/claire-dubois.jpg", null))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        authors.MapGet("/", List)
            .WithName("ListAdminAuthors").WithSummary("All authors by name, with their account links.");
        authors.MapGet("/{id:guid}", Get)
            .WithName("GetAdminAuthor").WithSummary("One author with its account link.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        authors.MapPut("/{id:guid}", Update)
            .WithName("UpdateAuthor").WithSummary("Replaces an author's profile; without a slug the current one is kept.")
            .WithRequestExample(new AuthorBody("Claire Dubois-Martin", "claire-dubois", "Rédactrice en chef adjointe.", null, null))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        authors.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteAuthor").WithSummary("Deletes an author who signs no article.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return admin;
    }

    private static async Task<Created<AuthorResponse>> Create(AuthorBody body, ISender sender, CancellationToken ct)
    {
        var author = await sender.Send(new CreateAuthor(body.Name ?? string.Empty, body.Slug, body.Bio, body.AvatarUrl, body.UserId), ct);
        return TypedResults.Created($"/api/v1/authors/{author.Slug}", author);
    }

    private static async Task<Ok<IReadOnlyList<AuthorResponse>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListAuthors(), ct));

    private static async Task<Ok<AuthorResponse>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAuthor(id), ct));

    private static async Task<Ok<AuthorResponse>> Update(Guid id, AuthorBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateAuthor(id, body.Name ?? string.Empty, body.Slug, body.Bio, body.AvatarUrl, body.UserId), ct));

    private static async Task<NoContent> Delete(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteAuthor(id), ct);
        return TypedResults.NoContent();
    }
}
