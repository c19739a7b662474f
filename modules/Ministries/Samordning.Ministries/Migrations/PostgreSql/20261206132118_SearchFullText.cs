using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Ministries.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class SearchFullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The pg_trgm GIN indexes that answer search's LIKE (docs/decisions.md, "Search: a full-text index per provider").
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV1("ministries", "Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV1("ministries", "Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV1("ministries", "People"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV1("ministries", "Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV1("ministries", "Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV1("ministries", "People"));
        }
    }
}
