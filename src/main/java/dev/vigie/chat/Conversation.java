package dev.vigie.chat;

import dev.vigie.event.ChatAnswer;
import java.util.function.Consumer;

/**
 * A conversation, kept until it is closed: "what failed at 08:20?" then "have we seen this error
 * before?" asks about the error the first answer named.
 */
public final class Conversation {
    private final ChatService chat;
    private String about = "";

    Conversation(ChatService chat) {
        this.chat = chat;
    }

    public ChatAnswer ask(String question) {
        return ask(question, piece -> {
        });
    }

    /** A question, a model's answer streamed to {@code tokens} as it comes. */
    public synchronized ChatAnswer ask(String question, Consumer<String> tokens) {
        ChatService.Turn turn = chat.turn(question, about, tokens);
        about = turn.about();
        return turn.answer();
    }
}
