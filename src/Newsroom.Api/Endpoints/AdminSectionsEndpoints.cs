using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Auth;
using Newsroom.Api.OpenApi;
using Newsroom.Application.Sections;

namespace Newsroom.Api.Endpoints;

/// <summary>Editors manage the sections.</summary>
public static class AdminSectionsEndpoints
{
    /// <summary>The writable fields of a section.</summary>
    /// <param name="Name">1–60 characters; the slug is made from it.</param>
    /// <param name="Description">Optional, up to 500 characters.</param>
    /// <param name="Position">Navigation order; defaults to the end on creation.</param>
    public sealed record SectionBody(string Name, string? Description, int? Position);

    public static IEndpointRouteBuilder MapAdminSectionsEndpoints(this IEndpointRouteBuilder admin)
    {
        var sections = admin.MapGroup("/sections").WithTags("Admin: sections").RequireAuthorization(Policies.EditorOrAdmin);
        sections.MapPost("/", Create)
            .WithName("CreateSection").WithSummary("Adds a section; its slug is made from the name.")
            .WithRequestExample(new SectionBody("Revue de web", "Le meilleur de la presse mobile, chaque semaine.", null))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        sections.MapPut("/{id:guid}", Update)
            .WithName("UpdateSection").WithSummary("Renames, re-describes or moves a section.")
            .WithRequestExample(new SectionBody("Focus", "Nos dossiers de fond.", 5))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        sections.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteSection").WithSummary("Deletes a section that has no articles.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return admin;
    }

    private static async Task<Created<SectionResponse>> Create(SectionBody body, ISender sender, CancellationToken ct)
    {
        var section = await sender.Send(new CreateSection(body.Name ?? string.Empty, body.Description, body.Position), ct);
        return TypedResults.Created($"/api/v1/sections/{section.Slug}", section);
    }

    private static async Task<Ok<SectionResponse>> Update(Guid id, SectionBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateSection(id, body.Name ?? string.Empty, body.Description, body.Position ?? 0), ct));

    private static async Task<NoContent> Delete(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteSection(id), ct);
        return TypedResults.NoContent();
    }
}
