package dev.vigie.ui.chat;

import dev.vigie.event.ChatAnswer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One message of the conversation. Vigie's grows while a model streams it, then takes the answer
 * as checked: the same text, or the offline answer with why the model's was set aside.
 */
public final class ChatEntry {
    public enum Who {
        YOU, VIGIE
    }

    private final Who who;
    private final ReadOnlyStringWrapper text;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pending;
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();

    private ChatEntry(Who who, String text, boolean pending) {
        this.who = who;
        this.text = new ReadOnlyStringWrapper(text);
        this.pending = new ReadOnlyBooleanWrapper(pending);
    }

    static ChatEntry you(String question) {
        return new ChatEntry(Who.YOU, question, false);
    }

    static ChatEntry vigie(String text) {
        return new ChatEntry(Who.VIGIE, text, false);
    }

    static ChatEntry awaited() {
        return new ChatEntry(Who.VIGIE, "", true);
    }

    void append(String piece) {
        text.set(text.get() + piece);
    }

    void settle(ChatAnswer answer, String noteText) {
        text.set(answer.answer());
        note.set(noteText);
        pending.set(false);
    }

    void fail(String why) {
        text.set(why);
        failed.set(true);
        pending.set(false);
    }

    public Who who() {
        return who;
    }

    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    /** Why the answer shown is not the model's, when a model answered and was set aside. */
    public ReadOnlyStringProperty note() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pending() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failed() {
        return failed.getReadOnlyProperty();
    }
}
