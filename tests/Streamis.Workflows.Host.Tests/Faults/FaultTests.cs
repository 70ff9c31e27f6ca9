namespace Streamis.Workflows.Host.Tests.Faults;

// One class per fault kind: each has its own host and simulation, so the kinds run side by side while the rows of a
// kind, which share one fault table, run one after another.

public sealed class ServerErrorFaultTests(FaultHost host) : IClassFixture<FaultHost>
{
    public static TheoryData<FaultCase> Rows => FaultTable.Of(FaultKind.ServerError);

    [Theory, MemberData(nameof(Rows))]
    public Task A_call_answered_with_5xx_every_time_fails_the_operation_cleanly(FaultCase row) => new FaultScenario(host, row).RunAsync();
}

public sealed class TimeoutFaultTests(FaultHost host) : IClassFixture<FaultHost>
{
    public static TheoryData<FaultCase> Rows => FaultTable.Of(FaultKind.Timeout);

    [Theory, MemberData(nameof(Rows))]
    public Task A_call_that_never_answers_fails_the_operation_within_the_time_out(FaultCase row) => new FaultScenario(host, row).RunAsync();
}

public sealed class MalformedBodyFaultTests(FaultHost host) : IClassFixture<FaultHost>
{
    public static TheoryData<FaultCase> Rows => FaultTable.Of(FaultKind.MalformedBody);

    [Theory, MemberData(nameof(Rows))]
    public Task A_call_whose_answer_is_cut_off_fails_the_operation_without_repeating_it(FaultCase row) => new FaultScenario(host, row).RunAsync();
}

public sealed class RefusalFaultTests(FaultHost host) : IClassFixture<FaultHost>
{
    public static TheoryData<FaultCase> Rows => FaultTable.Of(FaultKind.Refusal);

    [Theory, MemberData(nameof(Rows))]
    public Task A_call_Linkis_refuses_fails_the_operation_with_Linkis_message(FaultCase row) => new FaultScenario(host, row).RunAsync();
}

public sealed class VanishedEngineConnFaultTests(FaultHost host) : IClassFixture<FaultHost>
{
    public static TheoryData<FaultCase> Rows => FaultTable.Of(FaultKind.Vanished);

    [Theory, MemberData(nameof(Rows))]
    public Task An_EngineConn_that_vanishes_is_treated_as_ended(FaultCase row) => new FaultScenario(host, row).RunAsync();
}

public sealed class TransientFaultTests(FaultHost host) : IClassFixture<FaultHost>
{
    public static TheoryData<FaultCase> Rows
    {
        get
        {
            var rows = new TheoryData<FaultCase>();
            foreach (var kind in new[] { FaultKind.ServerErrorOnce, FaultKind.TimeoutOnce, FaultKind.Slow })
                foreach (var row in FaultTable.Of(kind)) rows.Add(row);
            return rows;
        }
    }

    [Theory, MemberData(nameof(Rows))]
    public Task A_fault_that_passes_is_retried_away_except_on_calls_that_must_not_be_repeated(FaultCase row) => new FaultScenario(host, row).RunAsync();
}
