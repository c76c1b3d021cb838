package dev.vigie.ui;

import dev.vigie.event.ChatAnswer;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown (reports, chat answers) drawn as JavaFX nodes: headings, paragraphs, emphasis, code,
 * lists, quotes and tables, with no web view. A citation ({@code [INC-…]}, {@code [T-…]},
 * {@code [L-…]}) becomes a link that hands its id to {@code onCitation}; a severity word is coloured.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern SEVERITY = Pattern.compile("\\b(CRITICAL|WARNING|CRITIQUE)\\b");

    private final Consumer<String> onCitation;

    private Markdown(Consumer<String> onCitation) {
        this.onCitation = onCitation;
    }

    /** The nodes of {@code markdown}, in a box styled {@code markdown}. */
    public static VBox render(String markdown, Consumer<String> onCitation) {
        VBox box = new VBox(6);
        box.getStyleClass().add("markdown");
        new Markdown(onCitation).blocks(PARSER.parse(markdown == null ? "" : markdown), box);
        return box;
    }

    private void blocks(org.commonmark.node.Node parent, VBox into) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node drawn = block(n);
            if (drawn != null) {
                into.getChildren().add(drawn);
            }
        }
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof Heading h) {
            TextFlow flow = inlines(h);
            flow.getStyleClass().add("md-h" + Math.min(h.getLevel(), 3));
            return flow;
        }
        if (n instanceof Paragraph p) {
            return inlines(p);
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            VBox list = new VBox(2);
            list.getStyleClass().add("md-list");
            int number = n instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (org.commonmark.node.Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    Label marker = new Label(n instanceof OrderedList ? (number++) + "." : "•");
                    marker.getStyleClass().add("md-marker");
                    marker.setMinWidth(18);
                    VBox body = new VBox(2);
                    blocks(item, body);
                    list.getChildren().add(new HBox(4, marker, body));
                }
            }
            return list;
        }
        if (n instanceof FencedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (n instanceof IndentedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (n instanceof BlockQuote) {
            VBox quote = new VBox(4);
            quote.getStyleClass().add("md-quote");
            blocks(n, quote);
            return quote;
        }
        if (n instanceof ThematicBreak) {
            return new Separator();
        }
        if (n instanceof TableBlock) {
            return table(n);
        }
        return null;
    }

    private static Node code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().addAll("md-code-block", "mono");
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private Node table(org.commonmark.node.Node table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int row = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int column = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell cell) {
                        TextFlow flow = inlines(cell);
                        flow.getStyleClass().add(head ? "md-th" : "md-td");
                        grid.add(flow, column++, row);
                    }
                }
                row++;
            }
        }
        return grid;
    }

    private TextFlow inlines(org.commonmark.node.Node parent) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-text");
        inlines(parent, flow, "");
        return flow;
    }

    private void inlines(org.commonmark.node.Node parent, TextFlow flow, String style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                text(t.getLiteral(), flow, style);
            } else if (n instanceof StrongEmphasis) {
                inlines(n, flow, style + " md-strong");
            } else if (n instanceof Emphasis) {
                inlines(n, flow, style + " md-em");
            } else if (n instanceof Code c) {
                add(flow, new Text(c.getLiteral()), style + " md-code");
            } else if (n instanceof SoftLineBreak) {
                add(flow, new Text(" "), style);
            } else if (n instanceof HardLineBreak) {
                add(flow, new Text("\n"), style);
            } else if (n instanceof Link link) {
                StringBuilder label = new StringBuilder();
                for (org.commonmark.node.Node k = link.getFirstChild(); k != null; k = k.getNext()) {
                    if (k instanceof org.commonmark.node.Text t) {
                        label.append(t.getLiteral());
                    }
                }
                add(flow, new Text(label + " (" + link.getDestination() + ")"), style);
            } else {
                inlines(n, flow, style);
            }
        }
    }

    /** Plain text, with its citations as links and its severity words coloured. */
    private void text(String literal, TextFlow flow, String style) {
        // commonmark keeps "[INC-1]", a link without a target, as text
        Matcher m = ChatAnswer.CITATION.matcher(literal);
        int at = 0;
        while (m.find()) {
            words(literal.substring(at, m.start()), flow, style);
            String id = m.group(1);
            Hyperlink link = new Hyperlink(id);
            link.getStyleClass().add("citation");
            link.setOnAction(e -> onCitation.accept(id));
            flow.getChildren().add(link);
            at = m.end();
        }
        words(literal.substring(at), flow, style);
    }

    private static void words(String literal, TextFlow flow, String style) {
        Matcher m = SEVERITY.matcher(literal);
        int at = 0;
        while (m.find()) {
            add(flow, new Text(literal.substring(at, m.start())), style);
            add(flow, new Text(m.group(1)), style + " md-strong severity-" + (m.group(1).equals("WARNING") ? "warning" : "critical"));
            at = m.end();
        }
        add(flow, new Text(literal.substring(at)), style);
    }

    private static void add(TextFlow flow, Text text, String style) {
        if (text.getText().isEmpty()) {
            return;
        }
        text.getStyleClass().add("md-run");
        for (String s : style.strip().split("\\s+")) {
            if (!s.isEmpty()) {
                text.getStyleClass().add(s);
            }
        }
        flow.getChildren().add(text);
    }
}
