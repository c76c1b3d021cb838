package dev.vigie.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Publishes what happens (events, samples, anomalies, incidents) to whoever listens, on the
 * publisher's thread. Listeners must be quick: the UI's only records and returns.
 */
public final class EventBus {
    private record Subscription<T>(Class<T> type, Consumer<? super T> listener) {
        void deliver(Object event) {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    public <T> void subscribe(Class<T> type, Consumer<? super T> listener) {
        subscriptions.add(new Subscription<>(type, listener));
    }

    public void publish(Object event) {
        for (Subscription<?> s : subscriptions) {
            s.deliver(event);
        }
    }
}
