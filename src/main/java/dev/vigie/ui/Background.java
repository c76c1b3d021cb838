package dev.vigie.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Runs view-model work (queries, re-detection) off the FX thread and hands the result back to it. */
public final class Background implements Tasks {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "vigie-ui-work");
        t.setDaemon(true);
        return t;
    });

    /** The cockpit's one instance. */
    public static final Tasks FX = new Background();

    private Background() {
    }

    @Override
    public <T> void run(Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
        POOL.submit(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> onFx.accept(result));
            } catch (RuntimeException e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }

    @Override
    public void post(Runnable step) {
        Platform.runLater(step);
    }
}
