package dev.slipstream.execution.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code slipstream exec}: print schedules, run backtests, and execute orders on Bybit. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Order-slicing execution: schedules, backtests, benchmarks and runs on Bybit.",
        subcommands = {ScheduleCommand.class, BacktestCommand.class, BenchCommand.class, RunCommand.class})
public final class ExecCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExecCli()).execute(args));
    }
}
