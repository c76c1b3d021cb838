package dev.vigie.chat;

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

    public synchronized ChatAnswer ask(String question) {
        ChatService.Turn turn = chat.turn(question, about);
        about = turn.about();
        return turn.answer();
    }
}
