package dev.vigie.ui;

import dev.vigie.pipeline.client.EngineSnapshot;
import java.util.Locale;
import javafx.scene.control.Label;

/** The engine's state in one line: event time, replay progress, queue, analyst, shed updates. */
final class StatusBar extends View<Label> {
    StatusBar() {
        super("status", "", new Label());
        root.setId("status-bar");
        root.setPadding(new javafx.geometry.Insets(4, 10, 4, 10));
    }

    @Override
    public void apply(CockpitSnapshot s) {
        EngineSnapshot st = s.engine();
        String speed = st.paused() ? "paused" : st.replaySpeed() == Double.POSITIVE_INFINITY ? "at max speed"
                : String.format(Locale.ROOT, "at %.0f×", st.replaySpeed());
        String replay = st.replayTotal() == 0 ? (st.paused() || st.replaySpeed() != 1 ? "simulation " + speed : "no replay")
                : String.format(Locale.ROOT, "replay %d/%d lines %s", st.replayed(), st.replayTotal(), speed);
        String model = st.model().up() ? "Ollama: " + st.model().model() : "offline analyst (" + st.model().error() + ")";
        root.setText(String.format(Locale.ROOT, "event time %s · %s · queue %d · %s%s%s%s · %d UI updates shed",
                st.eventTime().toString().substring(0, 19).replace('T', ' '), replay, st.queueDepth(), model,
                st.notifications().isEmpty() ? "" : " · " + st.notifications(),
                st.storeProblem().isEmpty() ? "" : " · " + st.storeProblem() + ", retrying",
                st.memoryProblem().isEmpty() ? "" : " · the memory cannot learn (" + st.memoryProblem() + "), retrying", s.shedUpdates()));
    }
}
