package dev.vigie.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a view-model's slow work runs (queries, re-detection) and where its result comes back: off
 * the FX thread and back to it in the cockpit ({@link Background}), on the caller's thread in a test.
 */
public interface Tasks {
    <T> void run(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onError);

    /** Hands {@code step} over to where results go, from the work's thread: progress as it comes. */
    void post(Runnable step);

    /** Runs the work and hands its result over at once, on the caller's thread. */
    Tasks DIRECT = new Tasks() {
        @Override
        public <T> void run(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                onError.accept(e);
                return;
            }
            onResult.accept(result);
        }

        @Override
        public void post(Runnable step) {
            step.run();
        }
    };
}
