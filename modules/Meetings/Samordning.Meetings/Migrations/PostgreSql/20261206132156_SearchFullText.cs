using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Meetings.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class SearchFullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The pg_trgm GIN indexes that answer search's LIKE (docs/decisions.md, "Search: a full-text index per provider").
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV1("meetings", "Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV1("meetings", "AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.CreatePostgreSqlV1("meetings", "Entries"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV1("meetings", "Meetings"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV1("meetings", "AgendaItem"));
            migrationBuilder.Sql(SearchFullTextSql.DropPostgreSqlV1("meetings", "Entries"));
        }
    }
}
