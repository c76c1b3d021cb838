package dev.vigie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.pipeline.client.Counts;
import dev.vigie.pipeline.client.EngineSnapshot;
import dev.vigie.pipeline.client.ModelStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The status bar says why the model is not used and how the mail went, in the window. */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {
    private StatusBar bar;

    @Start
    void start(Stage stage) {
        bar = new StatusBar(); // a control needs the toolkit, which starts with the extension
        stage.setScene(new Scene(bar.node(), 900, 40));
        stage.show();
    }

    private static CockpitSnapshot snapshot(ModelStatus model, String mail, double speed, boolean paused) {
        return snapshot(model, mail, speed, paused, "");
    }

    private static CockpitSnapshot snapshot(ModelStatus model, String mail, double speed, boolean paused, String store) {
        return snapshot(model, mail, speed, paused, store, "");
    }

    private static CockpitSnapshot snapshot(ModelStatus model, String mail, double speed, boolean paused, String store, String memory) {
        EngineSnapshot status = new EngineSnapshot(new Counts(0, 0, 0, 0, 0, 0, 0), Instant.parse("2026-03-14T10:15:30Z"),
                3, 1, 0, 0, speed, paused, model, 0, 0, Map.of(), List.of(), mail, store, List.of(), memory);
        return new CockpitSnapshot(status, 0, 0, List.of(), List.of(), Map.of(), 7);
    }

    private String shown(FxRobot robot) {
        return robot.lookup("#status-bar").queryAs(Label.class).getText();
    }

    @Test
    void anOpenCircuitAndFailedMailAreSaidWithTheirReasons(FxRobot robot) {
        ModelStatus open = new ModelStatus(false, "qwen2.5:7b", 1, "circuit open: 3 analyses failed in a row, retrying at 10:20");
        robot.interact(() -> bar.apply(snapshot(open, "mail: 2 sent, 1 failed (535 authentication failed)",
                Double.POSITIVE_INFINITY, false)));
        assertThat(shown(robot)).isEqualTo("event time 2026-03-14 10:15:30 · simulation at max speed · queue 3 · "
                + "offline analyst (circuit open: 3 analyses failed in a row, retrying at 10:20) · "
                + "mail: 2 sent, 1 failed (535 authentication failed) · 7 UI updates shed");
    }

    @Test
    void aModelInUseIsNamedAndNoMailSaysNothingOfMail(FxRobot robot) {
        ModelStatus up = new ModelStatus(true, "llama3.1:8b", 1, "");
        robot.interact(() -> bar.apply(snapshot(up, "", 1, true)));
        assertThat(shown(robot)).contains("simulation paused").contains("Ollama: llama3.1:8b").doesNotContain("mail");
    }

    @Test
    void aStoreThatCannotBeWrittenIsSaidWithItsReason(FxRobot robot) {
        ModelStatus up = new ModelStatus(true, "llama3.1:8b", 1, "");
        robot.interact(() -> bar.apply(snapshot(up, "", 1, true, "cannot write to /data/vigie.db: the disk is full")));
        assertThat(shown(robot)).contains("· cannot write to /data/vigie.db: the disk is full, retrying ·");
    }

    @Test
    void aMemoryThatCannotLearnIsSaid(FxRobot robot) {
        ModelStatus up = new ModelStatus(true, "llama3.1:8b", 1, "");
        robot.interact(() -> bar.apply(snapshot(up, "", 1, true, "", "UNAVAILABLE: io exception (qdrant:6334)")));
        assertThat(shown(robot)).contains("· the memory cannot learn (UNAVAILABLE: io exception (qdrant:6334)), retrying ·");
    }
}
