package dev.vigie.ui.chat;

import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A conversation: questions go to the engine off the FX thread; a model's answer grows in place as
 * it streams, then the checked answer replaces it.
 */
public final class ChatViewModel {
    final ObservableList<ChatEntry> messages = FXCollections.observableArrayList();
    final StringProperty question = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty();
    final List<String> suggestions;
    private final EngineQueries engine;
    private final Tasks tasks;
    private final Texts texts;

    public ChatViewModel(EngineQueries engine, Tasks tasks, Texts texts) {
        this.engine = engine;
        this.tasks = tasks;
        this.texts = texts;
        this.suggestions = List.of(texts.get("chat.suggest.recent"), texts.get("chat.suggest.recurring"),
                texts.get("chat.suggest.seen"), texts.get("chat.suggest.night"));
        messages.add(ChatEntry.vigie(texts.get("chat.welcome")));
    }

    void ask() {
        ask(question.get());
    }

    /** Asks {@code text}, unless it is blank or an answer is still coming. */
    public void ask(String text) {
        String q = text.strip();
        if (q.isEmpty() || busy.get()) {
            return;
        }
        ChatEntry reply = ChatEntry.awaited();
        messages.addAll(ChatEntry.you(q), reply);
        question.set("");
        busy.set(true);
        tasks.run(() -> engine.ask(q, piece -> tasks.post(() -> reply.append(piece))), answer -> {
            reply.settle(answer, answer.note().isEmpty() ? "" : texts.format("chat.setAside", answer.note()));
            busy.set(false);
        }, e -> {
            reply.fail(texts.format("chat.failed", e.getMessage()));
            busy.set(false);
        });
    }
}
