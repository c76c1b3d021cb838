package dev.vigie.cli;

import dev.vigie.config.Settings;
import dev.vigie.pipeline.Engine;
import dev.vigie.pipeline.LiveRuntime;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The engine without a window, until the process is stopped. On SIGTERM or Ctrl-C it drains: the
 * tailers stop, what was read goes through the pipeline and is committed with its checkpoints, the
 * analyses under way finish, and the store is closed.
 */
final class Headless {
    private Headless() {
    }

    /** The settings a headless run gets unless asked otherwise: no sample replay, no simulator (demo data never mixes with real data). */
    static Map<String, String> withoutDemo(Map<String, String> values) {
        Map<String, String> out = new HashMap<>(values);
        out.putIfAbsent("replay.dir", "");
        out.put("simulator.enabled", "false");
        return out;
    }

    static int run(Settings settings, String command, String what) throws Exception {
        LiveRuntime runtime = new LiveRuntime(Engine.open(settings, Clock.systemUTC(), "vigie " + command));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runtime.close();
                System.err.println("vigie: stopped; what was read is stored in " + settings.dataDir());
            } catch (Exception e) {
                System.err.println("vigie: stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "vigie-stop"));
        runtime.start();
        System.err.println("vigie: " + what + " into " + settings.dataDir() + " (Ctrl-C or SIGTERM to stop)");
        stopped.await();
        return 0;
    }
}
