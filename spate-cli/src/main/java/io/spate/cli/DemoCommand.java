package io.spate.cli;

import io.spate.api.execution.JobExecutionException;
import io.spate.cli.demo.OrderTotalsDemo;
import io.spate.common.config.Configuration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spate demo}: a built-in streaming job that shows results as they arrive. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = SpateCli.Version.class,
        description = {
            "Runs a sample streaming job on an engine embedded in this process: generated orders"
                    + " (city, amount) are keyed by city, and each city's running total is printed"
                    + " with every order. Ends after the given time."
        })
final class DemoCommand implements Callable<Integer> {
    @ParentCommand private SpateCli cli;

    @Spec private CommandSpec spec;

    @Mixin private EngineOptions engine;

    @Option(
            names = "--rate",
            paramLabel = "<orders/s>",
            defaultValue = "50",
            description = "Orders generated per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(
            names = "--seconds",
            paramLabel = "<s>",
            defaultValue = "10",
            description = "How long the job generates orders (default: ${DEFAULT-VALUE}).")
    private double seconds;

    @Override
    public Integer call() throws Exception {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new ParameterException(
                    spec.commandLine(), "--rate must be a positive number, was " + rate);
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new ParameterException(
                    spec.commandLine(), "--seconds must be a positive number, was " + seconds);
        }
        Configuration config = engine.toConfiguration(cli.fileConfiguration());
        long count = Math.max(1, Math.round(rate * seconds));
        cli.info(
                String.format(
                        Locale.ROOT,
                        "%d orders at %s per second; each line is a city's running total.",
                        count,
                        number(rate)));
        try {
            cli.runPrograms(
                    config, false, runner -> runner.run(() -> OrderTotalsDemo.run(count, rate)));
        } catch (JobExecutionException e) {
            throw e;
        } catch (Throwable t) {
            throw new ProgramFailedException("demo", t);
        }
        return 0;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
