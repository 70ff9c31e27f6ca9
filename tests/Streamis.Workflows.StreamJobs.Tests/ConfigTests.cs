using System.Text.Json.Nodes;
using Streamis.Workflows.Persistence;
using Streamis.Workflows.StreamJobs.Config;
using Streamis.Workflows.StreamJobs.Tests.Support;

namespace Streamis.Workflows.StreamJobs.Tests;

public sealed class ConfigTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Seeded_definitions_are_Streamis_0_2_0(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var roots = await domain.Config.GetDefinitionsAsync();
        Assert.Equal([ConfigKeys.ResourceGroup, ConfigKeys.CustomGroup, ConfigKeys.ProduceGroup, ConfigKeys.AuthorityGroup], roots.Select(r => r.Key));
        var resource = roots[0];
        Assert.Equal(1, resource.Id);
        Assert.Equal([2L, 3, 4, 5, 6, 34], resource.Children.Select(c => c.Id).Order());
        var parallelism = resource.Children.Single(c => c.Key == "wds.linkis.flink.app.parallelism");
        Assert.Equal(("NUMBER", "4", true, @"^([1-9]\d{0,1}|100)$"), (parallelism.Type, parallelism.DefaultValue, parallelism.Required, parallelism.ValidateRule));
        var produce = roots[2].Children;
        Assert.Equal([ConfigKeys.SavepointPath, ConfigKeys.StartAutoRestoreSwitch, ConfigKeys.FailRestartSwitch, ConfigKeys.CheckpointSwitch], produce.Select(c => c.Key));
        Assert.True(produce[0].IsTemp);
        Assert.Equal(["ON", "OFF"], produce[1].RefValues);
        Assert.Equal("ON", produce[1].DefaultValue);
        var alert = (await domain.Config.FindDefinitionAsync(ConfigKeys.AlertUser))!;
        Assert.Equal((16L, 1, (long?)null), (alert.Id, alert.Level, alert.ParentRef));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Saved_values_come_back_nested_with_defaults_and_custom_keys(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        var before = await domain.Config.GetJsonAsync(jobId);
        Assert.Equal("4", before[ConfigKeys.ResourceGroup]!["wds.linkis.flink.app.parallelism"]!.GetValue<string>());

        var body = JsonNode.Parse("""
            {"wds.linkis.flink.resource":{"wds.linkis.flink.app.parallelism":8,"wds.linkis.rm.yarnqueue":"q1"},
             "wds.linkis.flink.custom":{"env.java.opts":"-Xmx1g","state.backend":"rocksdb"},
             "wds.linkis.flink.produce":{"wds.linkis.flink.checkpoint.switch":"ON"}}
            """)!.AsObject();
        Assert.True((await domain.Config.SaveJsonAsync(jobId, body)).Saved);

        var json = await domain.Config.GetJsonAsync(jobId);
        Assert.Equal("8", json[ConfigKeys.ResourceGroup]!["wds.linkis.flink.app.parallelism"]!.GetValue<string>());
        Assert.Equal("1024", json[ConfigKeys.ResourceGroup]!["wds.linkis.flink.jobmanager.memory"]!.GetValue<string>());
        Assert.Equal("rocksdb", json[ConfigKeys.CustomGroup]!["state.backend"]!.GetValue<string>());
        Assert.Equal("ON", json[ConfigKeys.ProduceGroup]![ConfigKeys.CheckpointSwitch]!.GetValue<string>());
        Assert.Equal("ON", json[ConfigKeys.ProduceGroup]![ConfigKeys.StartAutoRestoreSwitch]!.GetValue<string>());
        Assert.Null(json[ConfigKeys.ProduceGroup]![ConfigKeys.SavepointPath]);
        Assert.True(await domain.Config.IsOnAsync(jobId, ConfigKeys.CheckpointSwitch));

        // Saving replaces: a custom key left out is gone, defaults come back.
        Assert.True((await domain.Config.SaveJsonAsync(jobId, new JsonObject { [ConfigKeys.CustomGroup] = new JsonObject { ["a.b"] = "c" } })).Saved);
        json = await domain.Config.GetJsonAsync(jobId);
        Assert.Null(json[ConfigKeys.CustomGroup]!["state.backend"]);
        Assert.Equal("4", json[ConfigKeys.ResourceGroup]!["wds.linkis.flink.app.parallelism"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Every_bad_field_is_named_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        Assert.True((await domain.Config.SaveJsonAsync(jobId, new JsonObject { [ConfigKeys.CustomGroup] = new JsonObject { ["keep"] = "me" } })).Saved);

        var body = new JsonObject
        {
            [ConfigKeys.ResourceGroup] = new JsonObject
            {
                ["wds.linkis.flink.app.parallelism"] = "101",
                ["wds.linkis.flink.jobmanager.memory"] = "",
                ["wds.linkis.flink.taskmanager.memory"] = "lots",
                ["wds.linkis.flink.taskmanager.cpus"] = new JsonArray(1),
                ["not.a.key"] = "x",
            },
            [ConfigKeys.ProduceGroup] = new JsonObject { [ConfigKeys.CheckpointSwitch] = "MAYBE", [ConfigKeys.SavepointPath] = new string('s', 501) },
            [ConfigKeys.CustomGroup] = new JsonObject { ["long"] = new string('v', 501) },
            [ConfigKeys.AuthorityGroup] = "not an object",
            ["no.such.group"] = new JsonObject(),
        };
        var result = await domain.Config.SaveJsonAsync(jobId, body);
        Assert.False(result.Saved);
        var fields = result.Errors.Select(e => e.Field).ToHashSet();
        Assert.Equal(
            new HashSet<string>
            {
                "wds.linkis.flink.resource.wds.linkis.flink.app.parallelism", "wds.linkis.flink.resource.wds.linkis.flink.jobmanager.memory",
                "wds.linkis.flink.resource.wds.linkis.flink.taskmanager.memory", "wds.linkis.flink.resource.wds.linkis.flink.taskmanager.cpus",
                "wds.linkis.flink.resource.not.a.key", "wds.linkis.flink.produce.wds.linkis.flink.checkpoint.switch",
                "wds.linkis.flink.produce.wds.linkis.flink.savepoint.path", "wds.linkis.flink.custom.long", "wds.linkis.flink.authority", "no.such.group",
            }, fields);
        Assert.Contains(result.Errors, e => e.Message.Contains("one of ON, OFF"));
        Assert.Contains(result.Errors, e => e.Message.Contains("longer than 500"));
        Assert.Equal("me", (await domain.Config.GetJsonAsync(jobId))[ConfigKeys.CustomGroup]!["keep"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Admins_add_change_and_retire_definitions_without_a_release(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        await domain.Config.AddDefinitionAsync(new ConfigDefinitionInput("wds.linkis.flink.restart.max", "Max restarts", "NUMBER", ConfigKeys.ProduceGroup,
            ValidateType: "NumberRange", ValidateRule: "0,10", DefaultValue: "3"));

        Assert.Equal("3", (await domain.Config.GetJsonAsync(jobId))[ConfigKeys.ProduceGroup]!["wds.linkis.flink.restart.max"]!.GetValue<string>());
        var tooMany = await domain.Config.SaveJsonAsync(jobId, new JsonObject { [ConfigKeys.ProduceGroup] = new JsonObject { ["wds.linkis.flink.restart.max"] = "11" } });
        Assert.Equal("must be between 0 and 10", Assert.Single(tooMany.Errors).Message);

        await domain.Config.UpdateDefinitionAsync("wds.linkis.flink.restart.max", new ConfigDefinitionInput("wds.linkis.flink.restart.max", "Max restarts", "NUMBER",
            ConfigKeys.ProduceGroup, ValidateType: "NumberRange", ValidateRule: "0,20", DefaultValue: "3"));
        Assert.True((await domain.Config.SaveJsonAsync(jobId, new JsonObject { [ConfigKeys.ProduceGroup] = new JsonObject { ["wds.linkis.flink.restart.max"] = "11" } })).Saved);

        await domain.Config.RetireDefinitionAsync("wds.linkis.flink.restart.max");
        Assert.Null((await domain.Config.GetJsonAsync(jobId))[ConfigKeys.ProduceGroup]!["wds.linkis.flink.restart.max"]);
        Assert.DoesNotContain((await domain.Config.GetDefinitionsAsync())[2].Children, c => c.Key == "wds.linkis.flink.restart.max");
        var refused = await domain.Config.SaveJsonAsync(jobId, new JsonObject { [ConfigKeys.ProduceGroup] = new JsonObject { ["wds.linkis.flink.restart.max"] = "1" } });
        Assert.False(refused.Saved);

        var bad = await Assert.ThrowsAsync<Models.StreamJobsException>(() => domain.Config.AddDefinitionAsync(
            new ConfigDefinitionInput("x.y", "X", "SELECT", ConfigKeys.ProduceGroup, ValidateType: "Regex", ValidateRule: "([", DefaultValue: "Z", RefValues: ["A", "B"])));
        Assert.Contains("not a valid regex", bad.Message);
        Assert.Contains("defaultValue must be one of A, B", bad.Message);
        await Assert.ThrowsAsync<Models.StreamJobsException>(() => domain.Config.AddDefinitionAsync(new ConfigDefinitionInput("y", "Y", "INPUT", "no.parent")));
        await Assert.ThrowsAsync<Models.StreamJobsException>(() => domain.Config.AddDefinitionAsync(new ConfigDefinitionInput(ConfigKeys.CheckpointSwitch, "dup", "INPUT", ConfigKeys.ProduceGroup)));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_one_shot_savepoint_path_is_cleared_after_launch(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        var jobId = await domain.CreateJobAsync();
        var other = await domain.CreateJobAsync("job2");
        var body = new JsonObject { [ConfigKeys.ProduceGroup] = new JsonObject { [ConfigKeys.SavepointPath] = "hdfs:///sp/1" } };
        Assert.True((await domain.Config.SaveJsonAsync(jobId, body)).Saved);
        Assert.True((await domain.Config.SaveJsonAsync(other, body.DeepClone().AsObject())).Saved);

        Assert.Equal(1, await domain.Config.ClearTemporaryValuesAsync(jobId));
        Assert.Null(await domain.Config.GetValueAsync(jobId, ConfigKeys.SavepointPath));
        Assert.Equal("OFF", await domain.Config.GetValueAsync(jobId, ConfigKeys.CheckpointSwitch));
        Assert.Equal("hdfs:///sp/1", await domain.Config.GetValueAsync(other, ConfigKeys.SavepointPath));
    }
}
