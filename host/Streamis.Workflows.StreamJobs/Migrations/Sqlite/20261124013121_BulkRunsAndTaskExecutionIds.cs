using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Streamis.Workflows.StreamJobs.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BulkRunsAndTaskExecutionIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "execution_id",
                table: "sj_tasks",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sj_bulk_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    job_id = table.Column<long>(type: "INTEGER", nullable: true),
                    job_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    task_id = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    savepoint_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    update_time = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_bulk_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sj_bulk_runs",
                columns: table => new
                {
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    create_time = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_bulk_runs", x => x.instance_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sj_bulk_items_instance_id_position",
                table: "sj_bulk_items",
                columns: new[] { "instance_id", "position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sj_bulk_items");

            migrationBuilder.DropTable(
                name: "sj_bulk_runs");

            migrationBuilder.DropColumn(
                name: "execution_id",
                table: "sj_tasks");
        }
    }
}
