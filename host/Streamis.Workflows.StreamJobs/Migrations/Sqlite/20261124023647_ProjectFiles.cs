using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Streamis.Workflows.StreamJobs.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProjectFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sj_project_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    project_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    store_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    store_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    create_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    create_time = table.Column<long>(type: "INTEGER", nullable: false),
                    update_time = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_project_files", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sj_project_files_project_id_file_name_version",
                table: "sj_project_files",
                columns: new[] { "project_id", "file_name", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sj_project_files_project_name_file_name",
                table: "sj_project_files",
                columns: new[] { "project_name", "file_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sj_project_files");
        }
    }
}
