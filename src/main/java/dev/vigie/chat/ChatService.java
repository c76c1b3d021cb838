package dev.vigie.chat;

import dev.vigie.event.ChatAnswer;
import dev.vigie.memory.Memory;
import dev.vigie.store.Store;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers questions about incidents and logs, in English or French, citing what the answer rests
 * on: a router decides what the question needs ({@link ChatRouter}) and the answer is read from the
 * store and the memory ({@link OfflineAnswers}). Relative days count from the newest event stored
 * (the clock's time when there is none); clock times are read in the zone given, and every answer
 * that gives a time says its zone.
 */
public final class ChatService {
    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private final Store store;
    private final Supplier<Memory> memory;
    private final ZoneId zone;
    private final Clock clock;
    private final ModelChat model;
    private final BooleanSupplier modelUp;
    private static final java.time.Duration MODEL_TIMEOUT = java.time.Duration.ofSeconds(60);

    /** Without a memory: similar things are looked for by words in the stored lines only. */
    public ChatService(Store store, ZoneId zone, Clock clock) {
        this(store, () -> null, zone, clock);
    }

    /** @param memory opened when first asked for; null or failing: answers go without it */
    public ChatService(Store store, Supplier<Memory> memory, ZoneId zone, Clock clock) {
        this(store, memory, zone, clock, null, () -> false);
    }

    private ChatService(Store store, Supplier<Memory> memory, ZoneId zone, Clock clock, ModelChat model, BooleanSupplier modelUp) {
        this.store = store;
        this.memory = memory;
        this.zone = zone;
        this.clock = clock;
        this.model = model;
        this.modelUp = modelUp;
    }

    /**
     * The same chat with a model to answer first, while {@code up} says it answers: over the same
     * queries, grounded on what they return, else the offline answer.
     *
     * @param modelName the model to ask, as the agents' health check found it
     */
    public ChatService withModel(String ollamaUrl, Supplier<String> modelName, BooleanSupplier up) {
        return new ChatService(store, memory, zone, clock, new ModelChat(ollamaUrl, modelName, MODEL_TIMEOUT), up);
    }

    /** One question, on its own. */
    public ChatAnswer ask(String question) {
        return ask(question, piece -> {
        });
    }

    /** One question, on its own, a model's answer streamed to {@code tokens} as it comes. */
    public ChatAnswer ask(String question, Consumer<String> tokens) {
        return turn(question, "", tokens).answer();
    }

    /** A conversation: questions in turn, each able to ask about what the answer before it was about. */
    public Conversation conversation() {
        return new Conversation(this);
    }

    /** An answer, and what it was about. */
    record Turn(ChatAnswer answer, String about) {
    }

    Turn turn(String question, String before, Consumer<String> tokens) {
        ZonedDateTime now = store.newestEventTime().orElse(clock.instant()).atZone(zone);
        RoutedQuestion q = ChatRouter.route(question, now, before);
        boolean withModel = model != null && q.route() != Route.HELP && modelUp.getAsBoolean();
        OfflineAnswers answers = new OfflineAnswers(store, withModel || needsMemory(q.route()) ? learned() : null, zone);
        String setAside = "";
        if (withModel) {
            try {
                ModelChat.Result r = model.answer(q, answers, now, tokens);
                if (r.answer().isPresent()) {
                    return new Turn(answer(r.answer().get(), q).byModel(),
                            answers.about().isBlank() ? before : answers.about());
                }
                setAside = r.why();
            } catch (RuntimeException e) {
                setAside = "the model did not answer (" + e.getMessage() + ")";
            }
            LOG.info("the offline answer stands: {}", setAside);
        }
        String text = switch (q.route()) {
            case HELP -> answers.help(q.language());
            case INCIDENT -> answers.incident(q);
            case SIMILARITY -> answers.similar(q);
            case RECURRENCE -> answers.recurring(q);
            case TIME -> answers.atTime(q);
            case HYBRID -> answers.anything(q);
        };
        return new Turn(answer(text, q).noting(setAside), answers.about().isBlank() ? before : answers.about());
    }

    private static ChatAnswer answer(String text, RoutedQuestion q) {
        return ChatAnswer.offline(text, q.route().name().toLowerCase(Locale.ROOT), q.language().name().toLowerCase(Locale.ROOT));
    }

    public String answer(String question) {
        return ask(question).answer();
    }

    private static boolean needsMemory(Route r) {
        return r == Route.SIMILARITY || r == Route.HYBRID;
    }

    /** The memory, caught up with what was stored; null when there is none or it cannot be read. */
    private Memory learned() {
        try {
            Memory m = memory.get();
            if (m != null) {
                m.catchUp();
            }
            return m;
        } catch (RuntimeException e) {
            LOG.warn("the memory cannot be read, answering from the stored lines alone: {}", e.toString());
            return null;
        }
    }
}
