package dev.vigie.ui.chat;

import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A conversation: questions go to the chat service off the FX thread, answers come back as messages. */
public final class ChatViewModel {
    final ObservableList<String> messages = FXCollections.observableArrayList();
    final StringProperty question = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty();
    private final EngineQueries engine;
    private final Tasks tasks;

    public ChatViewModel(EngineQueries engine, Tasks tasks) {
        this.engine = engine;
        this.tasks = tasks;
        messages.add("Vigie: ask me “what failed at 08:20?”, “which problems keep coming back?” or “have we seen HikariPool before?”");
    }

    void ask() {
        String q = question.get().strip();
        if (q.isEmpty() || busy.get()) {
            return;
        }
        messages.add("You: " + q);
        question.set("");
        busy.set(true);
        tasks.run(() -> engine.ask(q), answer -> {
            messages.add("Vigie: " + answer.strip());
            busy.set(false);
        }, e -> {
            messages.add("Vigie: I could not answer (" + e.getMessage() + ")");
            busy.set(false);
        });
    }
}
