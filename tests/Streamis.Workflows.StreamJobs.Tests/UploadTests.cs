using Streamis.Workflows.Persistence;
using Streamis.Workflows.Sdk.Connectors;
using Streamis.Workflows.StreamJobs.Models;
using Streamis.Workflows.StreamJobs.Tests.Support;
using Streamis.Workflows.StreamJobs.Upload;
using static Streamis.Workflows.StreamJobs.Tests.Support.ZipBuilder;

namespace Streamis.Workflows.StreamJobs.Tests;

public sealed class UploadTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_good_zip_creates_the_job_and_keeps_its_files(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        using var zip = Build(Text("meta.json", GoodMeta), Text("query.sql", "insert into t select * from s"), Text("udf-1.0.jar", "jar bytes"));
        var saved = await domain.Jobs.UploadAsync("p1", "job.zip", zip, "bob");

        Assert.Equal("v00001", saved.Version);
        var job = (await domain.Jobs.FindAsync("p1", "zjob"))!;
        Assert.Equal(("a,b", "from zip", "bob"), (job.Label, job.Description, job.CreateBy));
        var version = (await domain.Jobs.GetVersionAsync(job.Id))!;
        Assert.Equal("upload by user.", version.Source);
        Assert.Equal("query.sql", version.JobContent["file"]!.GetValue<string>());
        var files = await domain.Jobs.ListFilesAsync(version.Id);
        Assert.Equal(["query.sql", "udf-1.0.jar"], files.Select(f => f.FileName));
        using var reader = new StreamReader(domain.Files.OpenRead(files[0].StorePath));
        Assert.Equal("insert into t select * from s", await reader.ReadToEndAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_second_upload_adds_a_version_unless_a_task_runs(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        using (var zip = Build(Text("meta.json", GoodMeta), Text("query.sql", "v1")))
            await domain.Jobs.UploadAsync("p1", "job.zip", zip, "bob");
        using (var zip = Build(Text("meta.json", GoodMeta), Text("query.sql", "v2")))
            Assert.Equal("v00002", (await domain.Jobs.UploadAsync("p1", "job.zip", zip, "bob")).Version);

        var jobId = (await domain.Jobs.FindAsync("p1", "zjob"))!.Id;
        await domain.Tasks.CreateTaskAsync(jobId, "bob");
        using (var zip = Build(Text("meta.json", GoodMeta), Text("query.sql", "v3")))
        {
            var e = await Assert.ThrowsAsync<StreamJobsException>(() => domain.Jobs.UploadAsync("p1", "job.zip", zip, "bob"));
            Assert.Contains("is in status 8, you cannot upload the zip", e.Message);
        }
        Assert.Equal(2, (await domain.Jobs.ListVersionsAsync(jobId)).Count);
        Assert.False(Directory.Exists(Path.Combine(domain.Files.Root, JobFileStore.VersionFolder(jobId, "v00003"))));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Refused_zips_leave_nothing_in_the_database_or_the_file_store(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider, new UploadLimits { MaxEntries = 5 });
        var zero = new byte[5 * 1024 * 1024];
        var cases = new (string FileName, MemoryStream Zip, int Code)[]
        {
            ("job.zip", Build(Text("query.sql", "x")), ErrorCodes.MetaJsonMissing),
            ("job.zip", Build(Text("meta.json", GoodMeta), ("bomb.sql", zero)), ErrorCodes.UploadFailed),
            ("job.zip", Build(Text("meta.json", GoodMeta), Text("../../etc/passwd", "x")), ErrorCodes.UploadFailed),
            ("job.zip", Build(Text("meta.json", GoodMeta), Text("/abs.sql", "x")), ErrorCodes.UploadFailed),
            ("job.zip", Build(Text("meta.json", GoodMeta), Text("dir/query.sql", "x")), ErrorCodes.FileName),
            ("job.zip", Build(Text("meta.json", GoodMeta), Text("bad name.sql", "x")), ErrorCodes.FileName),
            ("job.zip", Build(Text("meta.json", GoodMeta), Text("query.v1.sql", "x")), ErrorCodes.FileName),
            ("job.zip", Build(Text("meta.json", GoodMeta), Text("a.sql", ""), Text("b.sql", ""), Text("c.sql", ""), Text("d.sql", ""), Text("e.sql", "")), ErrorCodes.UploadFailed),
            ("job.zip", Build(Text("meta.json", GoodMeta.Replace("\"file\",\"file\"", "\"python\",\"file\""))), ErrorCodes.JobContent),
            ("job.zip", Build(Text("meta.json", GoodMeta.Replace("query.sql", "other.sql")), Text("query.sql", "x")), ErrorCodes.JobContent),
            ("job.zip", Build(Text("meta.json", "{\"projectName\":\"p1\"}")), ErrorCodes.JobDefinition),
            ("job.zip", Build(Text("meta.json", GoodMeta.Replace("\"p1\"", "\"p2\"")), Text("query.sql", "x")), ErrorCodes.JobDefinition),
            ("job.zip", Build(Text("meta.json", GoodMeta), Text("query.sql", "x"), Text("query.sql", "y")), ErrorCodes.FileName),
            ("job.zip", Build(Text("meta.json", GoodMeta), Text("meta.json", GoodMeta), Text("query.sql", "x")), ErrorCodes.FileName),
            ("job.tar", Build(Text("meta.json", GoodMeta), Text("query.sql", "x")), ErrorCodes.UploadNotZip),
            ("job.zip", new MemoryStream("not a zip at all"u8.ToArray()), ErrorCodes.UploadFailed),
        };
        foreach (var (fileName, zip, code) in cases)
        {
            await JobTests.AssertVersionCountAsync(domain, 0);
            var e = await Record.ExceptionAsync(() => domain.Jobs.UploadAsync("p1", fileName, zip, "bob"));
            if (e is null) Assert.Fail($"case expecting {code} was accepted");
            var refusal = Assert.IsType<StreamJobsException>(e, exactMatch: false);
            Assert.True(code == refusal.Code, $"expected {code}, got {refusal.Code}: {refusal.Message}");
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
        await JobTests.AssertVersionCountAsync(domain, 0);
        Assert.False(Directory.Exists(domain.Files.Root) && Directory.EnumerateFileSystemEntries(domain.Files.Root).Any());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_file_store_failure_rolls_the_new_job_and_version_back(DatabaseProvider provider)
    {
        await using var domain = await Domain.CreateAsync(provider);
        Directory.CreateDirectory(domain.Files.Root);
        await File.WriteAllTextAsync(Path.Combine(domain.Files.Root, "jobs"), "a file where the store wants a folder");
        using var zip = Build(Text("meta.json", GoodMeta), Text("query.sql", "x"));
        await Assert.ThrowsAnyAsync<IOException>(() => domain.Jobs.UploadAsync("p1", "job.zip", zip, "bob"));
        await JobTests.AssertVersionCountAsync(domain, 0);
    }

    [Fact]
    public async Task A_bomb_is_stopped_while_inflating_not_after()
    {
        var reader = new JobUploadReader(new UploadLimits { MaxCompressionRatio = 1000, MaxEntryBytes = 1024 * 1024 });
        using var zip = Build(Text("meta.json", GoodMeta), ("query.sql", new byte[20 * 1024 * 1024]));
        var e = await Assert.ThrowsAsync<StreamJobsException>(() => reader.ReadAsync("job.zip", zip));
        Assert.Contains("inflates beyond 1048576 bytes", e.Message);
    }

    [Fact]
    public async Task Jar_names_may_hold_dots_and_meta_json_may_carry_a_bom()
    {
        var reader = new JobUploadReader(new UploadLimits());
        using var zip = Build(Text("meta.json", "\uFEFF" + GoodMeta), Text("flink-connector_2.11-1.12.2.jar", "x"), Text("query.sql", "s"));
        var job = await reader.ReadAsync("job.zip", zip);
        Assert.Equal("zjob", job.Meta.JobName);
        Assert.Equal(2, job.Files.Count);
    }
}
