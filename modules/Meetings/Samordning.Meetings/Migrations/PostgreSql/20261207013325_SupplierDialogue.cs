using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordning.Meetings.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class SupplierDialogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupplierDialogues",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Terms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RegistrationDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MaxSlotsPerSupplier = table.Column<int>(type: "integer", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierDialogues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DialogueInformation",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DialogueId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DocumentReference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedQuestionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueInformation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueInformation_SupplierDialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalSchema: "meetings",
                        principalTable: "SupplierDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialogueQuestions",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DialogueId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: true),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SourceInformationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueQuestions_SupplierDialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalSchema: "meetings",
                        principalTable: "SupplierDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialogueSlots",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DialogueId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    VideoLink = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: true),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Held = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueSlots_SupplierDialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalSchema: "meetings",
                        principalTable: "SupplierDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DialogueSuppliers",
                schema: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DialogueId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Bookings = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueSuppliers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueSuppliers_SupplierDialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalSchema: "meetings",
                        principalTable: "SupplierDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DialogueInformation_DialogueId",
                schema: "meetings",
                table: "DialogueInformation",
                column: "DialogueId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueInformation_SlotId",
                schema: "meetings",
                table: "DialogueInformation",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueQuestions_DialogueId",
                schema: "meetings",
                table: "DialogueQuestions",
                column: "DialogueId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSlots_DialogueId_StartsAt",
                schema: "meetings",
                table: "DialogueSlots",
                columns: new[] { "DialogueId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSlots_SupplierId",
                schema: "meetings",
                table: "DialogueSlots",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSuppliers_DialogueId_OrganisationNumber",
                schema: "meetings",
                table: "DialogueSuppliers",
                columns: new[] { "DialogueId", "OrganisationNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSuppliers_TokenHash",
                schema: "meetings",
                table: "DialogueSuppliers",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DialogueInformation",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "DialogueQuestions",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "DialogueSlots",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "DialogueSuppliers",
                schema: "meetings");

            migrationBuilder.DropTable(
                name: "SupplierDialogues",
                schema: "meetings");
        }
    }
}
