using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Feedback.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class LinkInitiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackInitiative",
                schema: "feedback",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackInitiative", x => new { x.ItemId, x.InitiativeId });
                    table.ForeignKey(
                        name: "FK_FeedbackInitiative_Items_ItemId",
                        column: x => x.ItemId,
                        principalSchema: "feedback",
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackInitiative_InitiativeId",
                schema: "feedback",
                table: "FeedbackInitiative",
                column: "InitiativeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackInitiative",
                schema: "feedback");
        }
    }
}
