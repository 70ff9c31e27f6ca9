using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Streamis.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wf_bookmarks",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    correlation_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    activity_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    resume_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_bookmarks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_definitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    definition_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    is_latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_published = table.Column<bool>(type: "INTEGER", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_instances",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    definition_version = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    sub_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    correlation_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    incident_count = table.Column<int>(type: "INTEGER", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    lease_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    state = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_journal",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    activity_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    frame_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    duration_ms = table.Column<double>(type: "REAL", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    error_message = table.Column<string>(type: "TEXT", nullable: true),
                    error_type = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    message = table.Column<string>(type: "TEXT", nullable: true),
                    severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_journal", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_work_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    bookmark_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_work_items", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wf_bookmarks_hash_correlation_id",
                table: "wf_bookmarks",
                columns: new[] { "hash", "correlation_id" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_bookmarks_instance_id",
                table: "wf_bookmarks",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_wf_bookmarks_resume_at",
                table: "wf_bookmarks",
                column: "resume_at");

            migrationBuilder.CreateIndex(
                name: "IX_wf_definitions_definition_id_is_latest",
                table: "wf_definitions",
                columns: new[] { "definition_id", "is_latest" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_definitions_definition_id_is_published",
                table: "wf_definitions",
                columns: new[] { "definition_id", "is_published" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_definitions_definition_id_version",
                table: "wf_definitions",
                columns: new[] { "definition_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_correlation_id",
                table: "wf_instances",
                column: "correlation_id");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_created_at",
                table: "wf_instances",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_definition_id_created_at",
                table: "wf_instances",
                columns: new[] { "definition_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_status_finished_at",
                table: "wf_instances",
                columns: new[] { "status", "finished_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_sub_status_created_at",
                table: "wf_instances",
                columns: new[] { "sub_status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_journal_instance_id_sequence",
                table: "wf_journal",
                columns: new[] { "instance_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wf_work_items_bookmark_id",
                table: "wf_work_items",
                column: "bookmark_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wf_work_items_due_at",
                table: "wf_work_items",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "IX_wf_work_items_instance_id",
                table: "wf_work_items",
                column: "instance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_bookmarks");

            migrationBuilder.DropTable(
                name: "wf_definitions");

            migrationBuilder.DropTable(
                name: "wf_instances");

            migrationBuilder.DropTable(
                name: "wf_journal");

            migrationBuilder.DropTable(
                name: "wf_work_items");
        }
    }
}
