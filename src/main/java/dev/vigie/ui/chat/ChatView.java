package dev.vigie.ui.chat;

import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Background;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.Markdown;
import dev.vigie.ui.Navigator;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import dev.vigie.ui.View;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The conversation: each answer drawn as it streams, its citations links to the incident, template
 * or log line they name; suggested questions under it, in the interface's language.
 */
public final class ChatView extends View<VBox> {
    private final ChatViewModel vm;
    private final Navigator navigator;
    private final Texts texts;
    private final VBox transcript = new VBox(10);

    public ChatView(EngineQueries engine, Navigator navigator, Texts texts) {
        this(engine, navigator, texts, Background.FX);
    }

    ChatView(EngineQueries engine, Navigator navigator, Texts texts, Tasks tasks) {
        super("chat", texts.get("chat.title"), new VBox(8));
        this.vm = new ChatViewModel(engine, tasks, texts);
        this.navigator = navigator;
        this.texts = texts;
        root.setPadding(new Insets(12));
        transcript.setId("chat-transcript");
        transcript.setPadding(new Insets(4, 12, 4, 4));
        ScrollPane scroll = new ScrollPane(transcript);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("chat-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // new text goes to the bottom, where the reader is
        transcript.heightProperty().addListener((o, a, b) -> scroll.setVvalue(1));
        vm.messages.forEach(m -> transcript.getChildren().add(bubble(m)));
        vm.messages.addListener((ListChangeListener<ChatEntry>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(m -> transcript.getChildren().add(bubble(m)));
            }
        });

        FlowPane suggestions = new FlowPane(6, 6);
        suggestions.setId("chat-suggestions");
        for (String s : vm.suggestions) {
            Button b = new Button(s);
            b.getStyleClass().add("suggestion");
            b.disableProperty().bind(vm.busy);
            b.setOnAction(e -> vm.ask(s));
            suggestions.getChildren().add(b);
        }
        TextField question = new TextField();
        question.setId("chat-question");
        question.setPromptText(texts.get("chat.prompt"));
        question.textProperty().bindBidirectional(vm.question);
        question.setOnAction(e -> vm.ask());
        Button send = new Button(texts.get("chat.ask"));
        send.setId("chat-ask");
        send.setDefaultButton(false);
        send.disableProperty().bind(vm.busy);
        send.setOnAction(e -> vm.ask());
        HBox.setHgrow(question, Priority.ALWAYS);
        root.getChildren().addAll(scroll, suggestions, new HBox(8, question, send));
    }

    /** Asks a question from elsewhere in the cockpit ("ask the chat about this line"). */
    public void ask(String question) {
        vm.ask(question);
    }

    private Node bubble(ChatEntry m) {
        boolean you = m.who() == ChatEntry.Who.YOU;
        Label who = new Label(texts.get(you ? "chat.you" : "chat.vigie"));
        who.getStyleClass().add("chat-who");
        VBox body = new VBox(4);
        VBox bubble = new VBox(4, who, body);
        bubble.getStyleClass().addAll("chat-bubble", you ? "chat-you" : "chat-vigie");
        Runnable draw = () -> {
            body.getChildren().clear();
            if (m.pending().get() && m.text().get().isEmpty()) {
                Label waiting = new Label(texts.get("chat.thinking"));
                waiting.getStyleClass().add("hint");
                body.getChildren().add(waiting);
            } else if (you) {
                Label text = new Label(m.text().get());
                text.setWrapText(true);
                body.getChildren().add(text);
            } else {
                body.getChildren().add(Markdown.render(m.text().get(), this::open));
            }
            if (!m.note().get().isEmpty()) {
                Label note = new Label(m.note().get());
                note.setWrapText(true);
                note.getStyleClass().add("chat-note");
                body.getChildren().add(note);
            }
            bubble.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), m.failed().get());
        };
        draw.run();
        m.text().addListener((o, a, b) -> draw.run());
        m.pending().addListener((o, a, b) -> draw.run());
        return bubble;
    }

    private void open(String citation) {
        if (citation.startsWith("INC-")) {
            navigator.openIncident(citation);
        } else if (citation.startsWith("T-")) {
            navigator.openTemplate(citation.substring(2));
        } else if (citation.startsWith("L-")) {
            navigator.openLogLine(Long.parseLong(citation.substring(2)));
        }
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        // the conversation moves when the person asks
    }
}
