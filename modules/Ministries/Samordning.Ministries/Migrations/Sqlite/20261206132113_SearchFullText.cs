using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Shared.Search;

#nullable disable

namespace Samordning.Ministries.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SearchFullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The FTS5 trigram tables behind search, kept in step by triggers (docs/decisions.md, "Search: a full-text index per provider").
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.CreateSqliteV1("People"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Ministries"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("Agencies"));
            migrationBuilder.Sql(SearchFullTextSql.DropSqliteV1("People"));
        }
    }
}
