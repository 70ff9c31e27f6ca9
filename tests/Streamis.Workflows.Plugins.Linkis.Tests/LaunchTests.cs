using System.Text;
using System.Text.Json.Nodes;
using Streamis.Workflows.Plugins.Linkis.Tests.Support;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.Simulation;

namespace Streamis.Workflows.Plugins.Linkis.Tests;

public sealed class LaunchTests : LinkisPluginTest
{
    private static readonly Dictionary<string, string> StreamisConfig = new()
    {
        ["wds.linkis.flink.taskmanager.memory"] = "4096",
        ["wds.linkis.flink.jobmanager.memory"] = "1536",
        ["wds.linkis.flink.taskmanager.cpus"] = "2",
        ["wds.linkis.flink.taskmanager.numberOfTaskSlots"] = "3",
        ["wds.linkis.flink.app.parallelism"] = "4",
        ["wds.linkis.rm.yarnqueue"] = "streaming",
        ["env.java.opts"] = "-Xss4m -Dfoo=bar",
        ["wds.linkis.flink.custom.pipeline.max-parallelism"] = "128",
        ["wds.linkis.flink.checkpoint.switch"] = "ON",
        ["wds.linkis.flink.checkpoint.interval"] = "60000",
        ["wds.linkis.flink.savepoint.path"] = "hdfs:///manual/savepoint-1",
        ["wds.linkis.flink.app.fail-restart.switch"] = "ON",
        ["wds.linkis.flink.app.start-auto-restore.switch"] = "ON",
        ["wds.linkis.flink.authority.visible"] = "bob,carol",
        ["wds.linkis.flink.alert.failure.user"] = "ops",
    };

    [Fact]
    public async Task A_sql_launch_sends_labels_and_properties_as_Streamis_builds_them()
    {
        await LaunchAsync(SqlJob(42, StreamisConfig, restoreFrom: "hdfs:///flink/flink-savepoints/demo/orders/41/savepoint-ab12-cd34"));

        var create = Assert.Single(Linkis.RequestsTo(LinkisCalls.CreateEngineConn)).Json!.AsObject();
        Assert.Equal("alice", Assert.Single(Linkis.RequestsTo(LinkisCalls.CreateEngineConn)).Header("Token-User"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"engineType":"flink-1.12.2","userCreator":"alice-Streamis","engineConnMode":"once"}"""), create["labels"]));
        var properties = create["properties"]!.AsObject();
        var expected = new Dictionary<string, string>
        {
            ["flink.taskmanager.memory"] = "4096",
            ["flink.jobmanager.memory"] = "1536",
            ["flink.taskmanager.cpu.cores"] = "2",
            ["flink.taskmanager.numberOfTaskSlots"] = "3",
            ["wds.linkis.engineconn.flink.app.parallelism"] = "4",
            ["wds.linkis.rm.yarnqueue"] = "streaming",
            ["_FLINK_CONFIG_.env.java.opts"] = @"-Xss4m\0x001-Dfoo=bar",
            ["_FLINK_CONFIG_.pipeline.max-parallelism"] = "128",
            ["_FLINK_CONFIG_.execution.checkpointing.switch"] = "ON",
            ["_FLINK_CONFIG_.execution.checkpointing.interval"] = "60000",
            ["_FLINK_CONFIG_.state.checkpoints.dir"] = "hdfs:///flink/flink-checkpoints/demo/orders/42",
            ["_FLINK_CONFIG_.execution.savepoint.path"] = "hdfs:///manual/savepoint-1",
            ["flink.app.name"] = "demo.orders",
            ["flink.app.savePointPath"] = "hdfs:///flink/flink-savepoints/demo/orders/41/savepoint-ab12-cd34",
            ["label.codeType"] = "sql",
        };
        var actual = properties.Where(p => p.Key != "onceExecutorContent").ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        Assert.Matches("^resource_036[0-9a-f-]{36}v000001$", properties["onceExecutorContent"]!.GetValue<string>());
        Assert.Equal("streamis-workflows", create["createService"]!.GetValue<string>());
        Assert.Equal(20_000, create["timeOut"]!.GetValue<long>()); // the launch time-out of these tests
        Assert.True(create["ignoreTimeout"]!.GetValue<bool>());
        Assert.Equal(["properties", "labels", "createService", "timeOut", "description", "ignoreTimeout"], create.Select(p => p.Key));
    }

    [Fact]
    public async Task The_job_content_goes_to_BML_as_a_once_executor_content()
    {
        await LaunchAsync(SqlJob(sql: "SELECT 1"));

        var content = Linkis.ExecutorContent(Linkis.LastEngineConn);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"jobContent":{"code":"SELECT 1","runType":"sql"},"runtime":{},"source":{"project":"demo","job":"orders"},"variable":{}}
            """), content));
        var upload = Linkis.RequestsTo(LinkisCalls.BmlUpload)[0];
        Assert.StartsWith("multipart/form-data", upload.Header("Content-Type"));
        Assert.Equal(Linkis.Options.TokenCode, upload.Header("Token-Code"));
    }

    [Fact]
    public async Task A_launch_creates_waits_until_running_and_returns_a_handle_with_the_yarn_application()
    {
        Linkis.Options.PollsUntilStarted = 3;

        var handle = await LaunchAsync();

        var engineConn = Linkis.LastEngineConn;
        Assert.Equal([LinkisCalls.BmlUpload, LinkisCalls.CreateEngineConn, LinkisCalls.GetEngineConn, LinkisCalls.GetEngineConn, LinkisCalls.GetEngineConn, LinkisCalls.YarnApplication],
            Linkis.Requests.Select(r => r.Call));
        Assert.Equal("linkis-flink", handle.Engine);
        var expectedId = $"36_20_{engineConn.TicketId}linkis-cg-engineconn{engineConn.Instance}";
        Assert.Equal(expectedId, handle.Id);
        Assert.Equal(engineConn.Application.Id, handle.Get("applicationId"));
        Assert.Equal(engineConn.Application.TrackingUrl, handle.Get("applicationUrl"));
        Assert.Equal(Linkis.ManagerInstance, handle.Get("ecmInstance"));
        Assert.Equal("alice", handle.Get("user"));
        Assert.Equal("hdfs:///flink/flink-savepoints/demo/orders/42", handle.Get("savepointDirectory"));
        var poll = Linkis.RequestsTo(LinkisCalls.GetEngineConn)[0].Json;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"applicationName":"linkis-cg-engineconn","instance":"{{engineConn.Instance}}"}"""), poll));
    }

    [Fact]
    public async Task A_handle_holding_only_the_once_job_id_reconnects()
    {
        var handle = await LaunchAsync();
        var bare = new JobHandle("linkis-flink", handle.Id, new Dictionary<string, string> { ["user"] = "alice" });

        var report = await Launcher.GetStatusAsync(bare, None);

        Assert.Equal(StreamTaskStatus.Running, report.Status);
        Assert.Equal(Linkis.LastEngineConn.Instance, Linkis.Requests[^2].Json!["instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_jar_launch_uploads_its_jars_and_names_them_by_their_BML_descriptors()
    {
        var folder = Directory.CreateTempSubdirectory("linkis-jar-");
        try
        {
            var files = new[] { "app.jar", "dep.jar", "conf.properties" }.Select(name =>
            {
                var path = Path.Combine(folder.FullName, name);
                File.WriteAllText(path, "bytes of " + name);
                return new JobResourceFile(name, "v00001", path);
            }).ToList();
            var request = new JobLaunchRequest(7, 43, "demo", "orders", "flink.jar", "v00001", "alice",
                """{"main.class.jar":"app.jar","main.class":"com.example.Main","args":["--in","kafka"],"hdfs.jars":["hdfs:///lib/a.jar","hdfs:///lib/b.jar"],"dependency.jars":["dep.jar"],"resources":["conf.properties"]}""",
                new Dictionary<string, string>(), files, null, "jar-launch");

            await LaunchAsync(request);

            var uploads = Linkis.RequestsTo(LinkisCalls.BmlUpload);
            Assert.Equal(4, uploads.Count);
            var properties = Linkis.LastEngineConn.Properties;
            Assert.Equal("app.jar", properties["flink.app.main.class.jar"]!.GetValue<string>());
            var mainJar = JsonNode.Parse(properties["flink.app.main.class.jar.bml.json"]!.GetValue<string>())!;
            Assert.Equal("app.jar", mainJar["fileName"]!.GetValue<string>());
            Assert.Equal("bytes of app.jar", Encoding.UTF8.GetString(Linkis.BmlResource(mainJar["resourceId"]!.GetValue<string>(), mainJar["version"]!.GetValue<string>())!));
            Assert.Equal("dep.jar", properties["flink.app.user.class.path"]!.GetValue<string>());
            var classPath = JsonNode.Parse(properties["flink.app.user.class.path.bml.json"]!.GetValue<string>())!.AsArray();
            Assert.Equal(["dep.jar", "conf.properties"], classPath.Select(d => d!["fileName"]!.GetValue<string>()));
            Assert.Equal("hdfs:///lib/a.jar,hdfs:///lib/b.jar", properties["flink.user.lib.path"]!.GetValue<string>());
            Assert.Null(properties["flink.yarn.ship-directories"]);
            Assert.Equal("jar", properties["label.codeType"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"flink.app.args":"--in kafka","flink.app.main.class":"com.example.Main","runType":"jar"}"""),
                Linkis.ExecutorContent(Linkis.LastEngineConn)["jobContent"]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_bml_sql_job_reads_its_script_from_BML()
    {
        var id = Linkis.AddBmlResource("SELECT 'from bml'");
        var request = SqlJob() with { JobContentJson = $$"""{"type":"bml","resourceId":"{{id}}","version":"v000001"}""" };

        await LaunchAsync(request);

        Assert.Equal("SELECT 'from bml'", Linkis.ExecutorContent(Linkis.LastEngineConn)["jobContent"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Linkis_1_1_1_gets_memory_in_GB_and_no_flink_config_prefix()
    {
        Reconfigure(("LinkisVersion", "1.1.1"));

        await LaunchAsync(SqlJob(42, StreamisConfig));

        var properties = Linkis.LastEngineConn.Properties;
        Assert.Equal("4", properties["flink.taskmanager.memory"]!.GetValue<string>());
        Assert.Equal("1", properties["flink.jobmanager.memory"]!.GetValue<string>());
        Assert.Equal(@"-Xss4m\0x001-Dfoo=bar", properties["env.java.opts"]!.GetValue<string>());
        Assert.Equal("hdfs:///flink/flink-checkpoints/demo/orders/42", properties["state.checkpoints.dir"]!.GetValue<string>());
        Assert.DoesNotContain(properties, p => p.Key.StartsWith("_FLINK_CONFIG_.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Linkis_1_1_1_refuses_a_memory_that_is_not_a_number_naming_the_key()
    {
        Reconfigure(("LinkisVersion", "1.1.1"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            LaunchAsync(SqlJob(configuration: new Dictionary<string, string> { ["wds.linkis.flink.taskmanager.memory"] = "4g" })));

        Assert.Contains("wds.linkis.flink.taskmanager.memory", error.Message);
        Assert.Empty(Linkis.RequestsTo(LinkisCalls.CreateEngineConn));
    }

    [Fact]
    public async Task Checkpointing_off_sends_no_checkpoint_settings_and_a_tenant_label_when_configured()
    {
        Reconfigure(("Tenant", "fin"), ("FlinkVersion", "1.16.2"), ("Creator", "Ops"));

        await LaunchAsync(SqlJob(configuration: new Dictionary<string, string> { ["wds.linkis.flink.checkpoint.switch"] = "OFF", ["wds.linkis.flink.checkpoint.interval"] = "1000" }));

        var engineConn = Linkis.LastEngineConn;
        Assert.DoesNotContain(engineConn.Properties, p => p.Key.Contains("checkpoint", StringComparison.Ordinal));
        Assert.Equal("fin", engineConn.Labels["tenant"]!.GetValue<string>());
        Assert.Equal("flink-1.16.2", engineConn.Labels["engineType"]!.GetValue<string>());
        Assert.Equal("alice-Ops", engineConn.Labels["userCreator"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("flink.sql", """{"type":"sql"}""", "jobContent.sql cannot be empty")]
    [InlineData("flink.sql", """{"type":"python"}""", "jobContent.type must be sql, file or bml")]
    [InlineData("flink.sql", """{"type":"file","file":"missing.sql"}""", "jobContent.file 'missing.sql' is not among")]
    [InlineData("flink.jar", """{"main.class":"A","args":"x"}""", "jobContent.main.class.jar cannot be empty; jobContent.args must be a list")]
    [InlineData("flink.sql", "not json", "jobContent is not valid JSON")]
    [InlineData("local", "{}", "flink.sql or flink.jar, not 'local'")]
    public async Task A_bad_job_content_is_refused_naming_the_field_before_Linkis_is_called(string jobType, string content, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LaunchAsync(SqlJob() with { JobType = jobType, JobContentJson = content }));

        Assert.Contains(expected, error.Message);
        Assert.Empty(Linkis.Requests);
    }

    [Fact]
    public async Task An_EngineConn_that_fails_while_starting_is_killed_and_the_launch_fails()
    {
        Linkis.Options.StartupStatus = "Failed";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync());

        Assert.Contains("is Failed right after its launch", error.Message);
        Assert.True(Linkis.LastEngineConn.Killed);
        Assert.False(Sdk.Activities.TransientErrors.IsTransient(error));
    }

    [Fact]
    public async Task An_EngineConn_that_never_starts_is_killed_when_the_launch_time_out_passes()
    {
        Linkis.Options.PollsUntilStarted = int.MaxValue;
        Reconfigure(("LaunchTimeout", "0.5"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync());

        Assert.Contains("was still Starting after 0.5 s; it was killed", error.Message);
        Assert.True(Linkis.LastEngineConn.Killed);
    }

    [Fact]
    public async Task The_yarn_application_is_asked_for_again_until_the_EngineConn_knows_it()
    {
        Linkis.Options.ApplicationInfoFailures = 3;

        var handle = await LaunchAsync();

        Assert.Equal(4, Linkis.RequestsTo(LinkisCalls.YarnApplication).Count);
        Assert.Equal(Linkis.LastEngineConn.Application.Id, handle.Get("applicationId"));
    }

    [Fact]
    public async Task A_yarn_application_still_unknown_after_the_attempts_leaves_a_running_handle_without_it()
    {
        Linkis.Options.ApplicationInfoFailures = 100;
        Reconfigure(("ApplicationInfoAttempts", "3"));

        var handle = await LaunchAsync();

        Assert.Equal(3, Linkis.RequestsTo(LinkisCalls.YarnApplication).Count);
        Assert.Null(handle.Get("applicationId"));
        Assert.Contains(Logs.Lines, line => line.Contains("its YARN application is unknown after 3 attempt(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_launch_whose_status_cannot_be_read_for_a_while_asks_again_and_creates_one_EngineConn()
    {
        // More failures than one call's client retries (MaxRetries 2): the launch itself asks again.
        Linkis.Inject(LinkisCalls.GetEngineConn, LinkisFault.ServerError(), times: 4);

        var handle = await LaunchAsync(SqlJob(executionId: "exec-1"));

        Assert.Single(Linkis.RequestsTo(LinkisCalls.CreateEngineConn));
        Assert.Equal(Linkis.LastEngineConn.Instance, handle.Get("engineConnInstance"));
        Assert.True(Linkis.RequestsTo(LinkisCalls.GetEngineConn).Count >= 5);
    }

    [Fact]
    public async Task A_launch_whose_status_stays_unreadable_or_is_refused_kills_its_EngineConn_and_is_not_worth_retrying()
    {
        Reconfigure(("LaunchTimeout", "1"), ("MaxRetries", "0"));
        Linkis.Inject(LinkisCalls.GetEngineConn, LinkisFault.ServerError());
        var unreadable = await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync());
        var firstKilled = Linkis.LastEngineConn.Killed;
        Linkis.Inject(LinkisCalls.GetEngineConn, LinkisFault.LinkisError("You have no permission to access EngineConn"));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync());

        Assert.True(firstKilled);
        Assert.True(Linkis.LastEngineConn.Killed);
        Assert.Equal(2, Linkis.RequestsTo(LinkisCalls.CreateEngineConn).Count);
        Assert.Contains("its status could not be read", unreadable.Message);
        Assert.Contains("HTTP 503", unreadable.Message);
        Assert.Contains("it was killed", unreadable.Message);
        Assert.Contains("You have no permission to access EngineConn", refused.Message);
        Assert.False(Sdk.Activities.TransientErrors.IsTransient(unreadable));
        Assert.False(Sdk.Activities.TransientErrors.IsTransient(refused));
    }

    [Fact]
    public async Task A_create_refused_by_Linkis_is_reported_with_its_message()
    {
        Linkis.Inject(LinkisCalls.CreateEngineConn, LinkisFault.LinkisError("Create engineConn failed, caused by not engough resource in queue streaming."));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => LaunchAsync());

        Assert.Contains("Linkis refused createEngineConn (HTTP 200, status 1): Create engineConn failed, caused by not engough resource", error.Message);
        Assert.False(Sdk.Activities.TransientErrors.IsTransient(error));
    }
}
