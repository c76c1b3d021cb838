package dev.vigie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A report's Markdown drawn as nodes: no raw syntax left, tables as grids, citations as links that open what they name. */
@ExtendWith(ApplicationExtension.class)
class MarkdownTest {
    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    private static final String REPORT = """
            # INC-ac3f062b — api: database incident

            **CRITICAL** since 08:20: the pool ran out [INC-ac3f062b], see [T-36968dcd] and [L-42].

            | check | series | when |
            |---|---|---|
            | error_events | api | 08:20 |
            | `rolling_z` | api/latency | 08:21 |

            1. Find what holds the connections
            2. Raise the pool *if* the database can take it

            ```
            HikariPool-1 - Connection is not available
            ```
            """;

    @Test
    void aReportHasNoMarkdownSyntaxLeftAndItsCitationsOpenWhatTheyName() {
        List<String> opened = new ArrayList<>();
        VBox box = Markdown.render(REPORT, opened::add);
        String shown = text(box);
        assertThat(shown).contains("INC-ac3f062b — api: database incident", "CRITICAL", "since 08:20", "error_events", "rolling_z",
                "Find what holds the connections", "HikariPool-1 - Connection is not available");
        assertThat(shown).doesNotContain("**", "|---", "# INC", "```", "`rolling_z`");
        assertThat(box.getChildren().get(0).getStyleClass()).contains("md-h1");

        List<Hyperlink> links = all(box).filter(Hyperlink.class::isInstance).map(Hyperlink.class::cast).toList();
        assertThat(links).extracting(Hyperlink::getText).containsExactly("INC-ac3f062b", "T-36968dcd", "L-42");
        links.forEach(Hyperlink::fire);
        assertThat(opened).containsExactly("INC-ac3f062b", "T-36968dcd", "L-42");

        GridPane table = all(box).filter(GridPane.class::isInstance).map(GridPane.class::cast).findFirst().orElseThrow();
        assertThat(table.getChildren()).hasSize(9);
        assertThat(table.getChildren().get(0).getStyleClass()).contains("md-th");
        assertThat(all(box).filter(Text.class::isInstance).filter(t -> ((Text) t).getText().equals("CRITICAL")).findFirst().orElseThrow()
                .getStyleClass()).contains("severity-critical", "md-strong");
    }

    @Test
    void nothingOrPlainTextIsDrawnAsIs() {
        assertThat(Markdown.render("", id -> { }).getChildren()).isEmpty();
        assertThat(Markdown.render(null, id -> { }).getChildren()).isEmpty();
        assertThat(text(Markdown.render("I found nothing like “frobnicator”.", id -> { }))).isEqualTo("I found nothing like “frobnicator”.");
    }

    static Stream<Node> all(Node n) {
        return n instanceof Parent p ? Stream.concat(Stream.of(n), p.getChildrenUnmodifiable().stream().flatMap(MarkdownTest::all)) : Stream.of(n);
    }

    /** What a reader sees, in order. */
    static String text(Node n) {
        StringBuilder b = new StringBuilder();
        all(n).forEach(k -> {
            if (k instanceof Text t) {
                b.append(t.getText());
            } else if (k instanceof Hyperlink h) {
                b.append(h.getText());
            } else if (k instanceof javafx.scene.control.Label l && !(k.getParent() instanceof TextFlow)) {
                b.append(l.getText()).append('\n');
            }
        });
        return b.toString().strip();
    }
}
