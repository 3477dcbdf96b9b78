package dev.slipstream.execution.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code slipstream exec}: print schedules and run backtests. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Order-slicing execution: schedules, backtests and benchmarks.",
        subcommands = {ScheduleCommand.class, BacktestCommand.class, BenchCommand.class})
public final class ExecCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExecCli()).execute(args));
    }
}
