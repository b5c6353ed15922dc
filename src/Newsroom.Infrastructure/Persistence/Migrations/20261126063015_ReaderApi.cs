using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Newsroom.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReaderApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_articles_section_id",
                table: "articles");

            migrationBuilder.DropIndex(
                name: "ix_article_tags_tag_id",
                table: "article_tags");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "article_related_picks",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    related_article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_related_picks", x => new { x.article_id, x.related_article_id });
                    table.ForeignKey(
                        name: "fk_article_related_picks_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_article_related_picks_articles_related_article_id",
                        column: x => x.related_article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_articles_public_section_order",
                table: "articles",
                columns: new[] { "section_id", "published_at", "id" },
                filter: "status IN ('Published', 'Scheduled')");

            migrationBuilder.CreateIndex(
                name: "ix_article_tags_tag_id_article_id",
                table: "article_tags",
                columns: new[] { "tag_id", "article_id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_article_related_picks_related_article_id",
                table: "article_related_picks",
                column: "related_article_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "article_related_picks");

            migrationBuilder.DropIndex(
                name: "ix_articles_public_section_order",
                table: "articles");

            migrationBuilder.DropIndex(
                name: "ix_article_tags_tag_id_article_id",
                table: "article_tags");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_articles_section_id",
                table: "articles",
                column: "section_id");

            migrationBuilder.CreateIndex(
                name: "ix_article_tags_tag_id",
                table: "article_tags",
                column: "tag_id");
        }
    }
}
