package dev.vigie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.agent.OllamaGateway;
import dev.vigie.pipeline.LiveRuntime;
import dev.vigie.pipeline.PipelineStats;
import dev.vigie.sim.ReplayClock;
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

    private static CockpitSnapshot snapshot(OllamaGateway.Health ollama, String mail, double speed, boolean paused) {
        LiveRuntime.Status status = new LiveRuntime.Status(Instant.parse("2026-03-14T10:15:30Z"), 3, 1, 0, 0, speed,
                paused, ollama, 0, 0, Map.of(), List.of(), mail);
        return new CockpitSnapshot(new PipelineStats.Snapshot(0, 0, 0, 0, 0, 0, 0), status, 0, 0, List.of(), List.of(),
                Map.of(), 7);
    }

    private String shown(FxRobot robot) {
        return robot.lookup("#status-bar").queryAs(Label.class).getText();
    }

    @Test
    void anOpenCircuitAndFailedMailAreSaidWithTheirReasons(FxRobot robot) {
        OllamaGateway.Health open = new OllamaGateway.Health(false, List.of("qwen2.5:7b"), "qwen2.5:7b",
                "circuit open: 3 analyses failed in a row, retrying at 10:20");
        robot.interact(() -> bar.apply(snapshot(open, "mail: 2 sent, 1 failed (535 authentication failed)",
                ReplayClock.MAX, false)));
        assertThat(shown(robot)).isEqualTo("event time 2026-03-14 10:15:30 · simulation at max speed · queue 3 · "
                + "offline analyst (circuit open: 3 analyses failed in a row, retrying at 10:20) · "
                + "mail: 2 sent, 1 failed (535 authentication failed) · 7 UI updates shed");
    }

    @Test
    void aModelInUseIsNamedAndNoMailSaysNothingOfMail(FxRobot robot) {
        OllamaGateway.Health up = new OllamaGateway.Health(true, List.of("llama3.1:8b"), "llama3.1:8b", "");
        robot.interact(() -> bar.apply(snapshot(up, "", 1, true)));
        assertThat(shown(robot)).contains("simulation paused").contains("Ollama: llama3.1:8b").doesNotContain("mail");
    }
}
