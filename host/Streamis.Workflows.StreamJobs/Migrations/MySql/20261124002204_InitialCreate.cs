using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Streamis.Workflows.StreamJobs.Migrations.MySql
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_alert_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    alert_level = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    alert_user = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    alert_msg = table.Column<string>(type: "varchar(4000)", maxLength: 4000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    job_id = table.Column<long>(type: "bigint", nullable: true),
                    job_version_id = table.Column<long>(type: "bigint", nullable: true),
                    task_id = table.Column<long>(type: "bigint", nullable: true),
                    create_time = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "int", nullable: false),
                    error_msg = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_alert_records", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_config_definitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    key = table.Column<string>(type: "varchar(128)", maxLength: 128, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    name = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    type = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    sort = table.Column<int>(type: "int", nullable: false),
                    description = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    validate_type = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    validate_rule = table.Column<string>(type: "varchar(255)", maxLength: 255, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    style = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    visible = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    level = table.Column<int>(type: "int", nullable: false),
                    unit = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    default_value = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ref_values = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    parent_ref = table.Column<long>(type: "bigint", nullable: true),
                    required = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    is_temp = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    is_retired = table.Column<bool>(type: "tinyint(1)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_config_definitions", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_job_configs",
                columns: table => new
                {
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    key = table.Column<string>(type: "varchar(128)", maxLength: 128, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    job_name = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    value = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ref_def_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_job_configs", x => new { x.job_id, x.key });
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_job_states",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    location = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    timestamp = table.Column<long>(type: "bigint", nullable: false),
                    create_time = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_job_states", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_job_version_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    job_version_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "varchar(255)", maxLength: 255, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    version = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    store_path = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    store_type = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    create_by = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    create_time = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_job_version_files", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_job_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    source = table.Column<string>(type: "varchar(255)", maxLength: 255, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    job_content = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    comment = table.Column<string>(type: "varchar(255)", maxLength: 255, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    create_by = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    create_time = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_job_versions", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    project_name = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    name = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    job_type = table.Column<string>(type: "varchar(30)", maxLength: 30, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    engine_name = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    label = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    description = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    create_by = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    create_time = table.Column<long>(type: "bigint", nullable: false),
                    submit_user = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    workspace_name = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_jobs", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_project_privileges",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    user_name = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    privilege = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_project_privileges", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_projects",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: true),
                    name = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    active_name = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    create_by = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    create_time = table.Column<long>(type: "bigint", nullable: false),
                    last_update_by = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    last_update_time = table.Column<long>(type: "bigint", nullable: true),
                    is_deleted = table.Column<bool>(type: "tinyint(1)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_projects", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "sj_tasks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    job_version_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    status = table.Column<int>(type: "int", nullable: false),
                    active_job_id = table.Column<long>(type: "bigint", nullable: true),
                    start_time = table.Column<long>(type: "bigint", nullable: false),
                    last_update_time = table.Column<long>(type: "bigint", nullable: false),
                    err_desc = table.Column<string>(type: "varchar(10240)", maxLength: 10240, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    submit_user = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    engine_name = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    engine_job_id = table.Column<string>(type: "varchar(512)", maxLength: 512, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    engine_info = table.Column<string>(type: "longtext", nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sj_tasks", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.InsertData(
                table: "sj_config_definitions",
                columns: new[] { "id", "default_value", "description", "is_retired", "is_temp", "key", "level", "name", "parent_ref", "ref_values", "required", "sort", "style", "type", "unit", "validate_rule", "validate_type", "visible" },
                values: new object[,]
                {
                    { 1L, null, null, false, false, "wds.linkis.flink.resource", 0, "资源配置", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 2L, "4", null, false, false, "wds.linkis.flink.app.parallelism", 1, "Parallelism", 1L, null, true, 0, null, "NUMBER", null, "^([1-9]\\d{0,1}|100)$", "Regex", true },
                    { 3L, "1024", null, false, false, "wds.linkis.flink.jobmanager.memory", 1, "JobManager Memory (M)", 1L, null, true, 0, null, "NUMBER", "M", "^([1-9]\\d{0,4}|100000)$", "Regex", true },
                    { 4L, "4096", null, false, false, "wds.linkis.flink.taskmanager.memory", 1, "TaskManager Memory (M)", 1L, null, true, 0, null, "NUMBER", "M", "^([1-9]\\d{0,4}|100000)$", "Regex", true },
                    { 5L, "2", null, false, false, "wds.linkis.flink.taskmanager.numberOfTaskSlots", 1, "TaskManager slots", 1L, null, true, 0, null, "NUMBER", null, "^([1-9]\\d{0,1}|100)$", "Regex", true },
                    { 6L, "2", null, false, false, "wds.linkis.flink.taskmanager.cpus", 1, "TaskManager CPUs", 1L, null, true, 0, null, "NUMBER", null, "^([1-9]\\d{0,1}|100)$", "Regex", true },
                    { 7L, null, null, false, false, "wds.linkis.flink.custom", 0, "Flink参数", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 8L, null, null, false, false, "wds.linkis.flink.produce", 0, "生产配置", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 9L, "OFF", null, false, false, "wds.linkis.flink.checkpoint.switch", 1, "Checkpoint switch", 8L, "ON,OFF", false, 0, null, "SELECT", null, null, null, true },
                    { 10L, null, null, false, true, "wds.linkis.flink.savepoint.path", 1, "savepoint path (only when restoring)", 8L, null, false, 4, null, "INPUT", null, null, null, true },
                    { 11L, null, null, false, false, "wds.linkis.flink.alert", 1, "alert", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 12L, null, null, false, false, "wds.linkis.flink.alert.rule", 1, "alert rule", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 13L, null, null, false, false, "wds.linkis.flink.alert.user", 1, "alert user", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 14L, null, null, false, false, "wds.linkis.flink.alert.level", 1, "alert level", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 15L, null, null, false, false, "wds.linkis.flink.alert.failure.level", 1, "failure alert level", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 16L, null, null, false, false, "wds.linkis.flink.alert.failure.user", 1, "failure alert users", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 32L, null, null, false, false, "wds.linkis.flink.authority", 0, "权限设置", null, null, false, 0, null, "NONE", null, null, null, true },
                    { 33L, null, null, false, false, "wds.linkis.flink.authority.visible", 1, "visible users", 32L, null, false, 0, null, "INPUT", null, null, null, true },
                    { 34L, null, null, false, false, "wds.linkis.rm.yarnqueue", 1, "YARN queue", 1L, null, false, 0, null, "INPUT", null, null, null, true },
                    { 35L, "OFF", null, false, false, "wds.linkis.flink.app.fail-restart.switch", 1, "auto restart on failure", 8L, "ON,OFF", false, 1, null, "SELECT", null, null, null, true },
                    { 36L, "ON", null, false, false, "wds.linkis.flink.app.start-auto-restore.switch", 1, "restore state on start", 8L, "ON,OFF", false, 2, null, "SELECT", null, null, null, true }
                });

            migrationBuilder.CreateIndex(
                name: "IX_sj_alert_records_job_id_create_time",
                table: "sj_alert_records",
                columns: new[] { "job_id", "create_time" });

            migrationBuilder.CreateIndex(
                name: "IX_sj_config_definitions_key",
                table: "sj_config_definitions",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sj_job_states_job_id_timestamp",
                table: "sj_job_states",
                columns: new[] { "job_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_sj_job_states_task_id",
                table: "sj_job_states",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "IX_sj_job_version_files_job_version_id_file_name",
                table: "sj_job_version_files",
                columns: new[] { "job_version_id", "file_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sj_job_versions_job_id_version",
                table: "sj_job_versions",
                columns: new[] { "job_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sj_jobs_project_name_name",
                table: "sj_jobs",
                columns: new[] { "project_name", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sj_project_privileges_project_id_user_name_privilege",
                table: "sj_project_privileges",
                columns: new[] { "project_id", "user_name", "privilege" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sj_project_privileges_user_name",
                table: "sj_project_privileges",
                column: "user_name");

            migrationBuilder.CreateIndex(
                name: "IX_sj_projects_active_name",
                table: "sj_projects",
                column: "active_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sj_projects_name",
                table: "sj_projects",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "IX_sj_tasks_active_job_id",
                table: "sj_tasks",
                column: "active_job_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sj_tasks_job_id_id",
                table: "sj_tasks",
                columns: new[] { "job_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_sj_tasks_status",
                table: "sj_tasks",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sj_alert_records");

            migrationBuilder.DropTable(
                name: "sj_config_definitions");

            migrationBuilder.DropTable(
                name: "sj_job_configs");

            migrationBuilder.DropTable(
                name: "sj_job_states");

            migrationBuilder.DropTable(
                name: "sj_job_version_files");

            migrationBuilder.DropTable(
                name: "sj_job_versions");

            migrationBuilder.DropTable(
                name: "sj_jobs");

            migrationBuilder.DropTable(
                name: "sj_project_privileges");

            migrationBuilder.DropTable(
                name: "sj_projects");

            migrationBuilder.DropTable(
                name: "sj_tasks");
        }
    }
}
