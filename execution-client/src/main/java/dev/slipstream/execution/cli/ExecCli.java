package dev.slipstream.execution.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code slipstream exec}: print schedules and run backtests. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Order-slicing execution: schedules and backtests.",
        subcommands = {ScheduleCommand.class, BacktestCommand.class})
public final class ExecCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExecCli()).execute(args));
    }
}
