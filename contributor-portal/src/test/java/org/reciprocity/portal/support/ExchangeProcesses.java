package org.reciprocity.portal.support;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts exchange processes for a test and makes sure none outlives it: each still running when the test ends is
 * killed, and so is each still running when this JVM stops (the build interrupted, a test timed out). When the test
 * failed, every process's output is printed, since the reason is usually there; otherwise it is deleted.
 */
public final class ExchangeProcesses implements AfterTestExecutionCallback {

    private static final List<ExchangeProcess> RUNNING = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (RUNNING) {
                RUNNING.forEach(ExchangeProcess::destroy);
            }
        }, "exchange-process-reaper"));
    }

    private final List<ExchangeProcess> started = new ArrayList<>();

    /** Starts the packaged exchange with these environment variables; see {@link ExchangeProcess#start}. */
    public ExchangeProcess start(String name, Map<String, String> environment) {
        synchronized (RUNNING) {
            ExchangeProcess process = ExchangeProcess.start(name, environment);
            RUNNING.add(process);
            started.add(process);
            return process;
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        boolean failed = context.getExecutionException().isPresent();
        synchronized (RUNNING) {
            for (ExchangeProcess process : started) {
                if (process.isAlive()) {
                    process.destroy();
                    process.awaitExit(Duration.ofSeconds(10));
                }
                RUNNING.remove(process);
            }
        }
        for (ExchangeProcess process : started) {
            if (failed) {
                System.out.printf("%n----- output of the exchange '%s' -----%n%s----- end of '%s' -----%n",
                        process.name(), process.log(), process.name());
            } else {
                process.deleteLog();
            }
        }
        started.clear();
    }
}
