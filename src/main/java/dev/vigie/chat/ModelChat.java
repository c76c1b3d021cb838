package dev.vigie.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.vigie.event.ChatAnswer;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The chat with a model: an Ollama model answers over the same read-only queries as the offline
 * answers, as tools, in the question's language, citing ids. Its answer stands only when it is in
 * that language, cites at least one id, and every id it cites came from a query it made (else the
 * offline answer stands, and says why): a model cannot invent an incident.
 */
final class ModelChat {
    static final int MAX_ROUNDS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<ToolSpecification> TOOLS = List.of(
            ToolSpecification.builder().name("events_at").description("Incidents, warnings and errors around a time or in a span.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("when", "the time in the user's words, e.g. 'at 08:20', "
                            + "'hier à 14h30', 'between 2 and 3 pm', 'last night'").required("when").build()).build(),
            ToolSpecification.builder().name("recurring").description("What keeps happening: incidents by domain and service, the most frequent errors.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("when", "a span, or empty for all time").build()).build(),
            ToolSpecification.builder().name("similar").description("Past incidents, log templates and lines like a text, with what was done.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("text", "an error, a log line or words").required("text").build()).build(),
            ToolSpecification.builder().name("incident").description("One incident: its window, cause, plan and report.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("id", "INC-…").required("id").build()).build(),
            ToolSpecification.builder().name("search").description("Anything remembered, by meaning and by words.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("text", "what to look for").required("text").build()).build());

    private final String baseUrl;
    private final Supplier<String> model;
    private final Duration timeout;

    /** @param model the model to ask, as the agents' health check found it */
    ModelChat(String baseUrl, Supplier<String> model, Duration timeout) {
        this.baseUrl = baseUrl;
        this.model = model;
        this.timeout = timeout;
    }

    /** A grounded answer, or why there is none. */
    record Result(Optional<String> answer, String why) {
    }

    /**
     * Asks the model, each round streamed: the text of the round that answers goes to
     * {@code tokens} piece by piece as it comes (the rounds that call tools say nothing). The
     * answer is checked once whole, so what streamed may yet be set aside.
     */
    Result answer(RoutedQuestion q, OfflineAnswers answers, ZonedDateTime now, Consumer<String> tokens) {
        StreamingChatModel chat = OllamaStreamingChatModel.builder().baseUrl(baseUrl).modelName(model.get()).temperature(0.0).seed(42)
                .timeout(timeout).build();
        String system = "You are Vigie's assistant. Answer the user's question about incidents and logs in "
                + q.language().pick("English", "French") + ", in a few sentences, using only what the tools return. "
                + "Cite every incident, template and line you mention with its id in brackets, as the tools write them: "
                + "[INC-…], [T-…], [L-…]. If the tools find nothing, say so. Never invent an id, a time or a number.";
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(system), UserMessage.from(q.question())));
        Set<String> returned = new HashSet<>();
        for (int round = 0; round <= MAX_ROUNDS; round++) {
            AiMessage reply = streamed(chat, ChatRequest.builder().messages(messages).toolSpecifications(TOOLS).build(), tokens);
            if (!reply.hasToolExecutionRequests()) {
                return checked(reply.text() == null ? "" : reply.text().strip(), q.language(), returned);
            }
            messages.add(reply);
            for (ToolExecutionRequest r : reply.toolExecutionRequests()) {
                String result = run(r.name(), r.arguments(), q, answers, now);
                returned.addAll(ChatAnswer.citationsIn(result));
                messages.add(ToolExecutionResultMessage.from(r, result));
            }
        }
        return new Result(Optional.empty(), "the model kept calling tools (" + (MAX_ROUNDS + 1) + " rounds)");
    }

    private AiMessage streamed(StreamingChatModel chat, ChatRequest request, Consumer<String> tokens) {
        CompletableFuture<AiMessage> done = new CompletableFuture<>();
        chat.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                tokens.accept(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response.aiMessage());
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return done.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the model answered", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the model gave no whole answer in " + timeout.toSeconds() + " s", e);
        }
    }

    static Result checked(String text, Language language, Set<String> returned) {
        List<String> cited = ChatAnswer.citationsIn(text);
        if (text.isBlank()) {
            return new Result(Optional.empty(), "the model answered nothing");
        }
        if (cited.isEmpty() && !returned.isEmpty()) {
            return new Result(Optional.empty(), "the model's answer cites nothing the queries found");
        }
        List<String> invented = cited.stream().filter(c -> !returned.contains(c)).toList();
        if (!invented.isEmpty()) {
            return new Result(Optional.empty(), "the model cited what no query returned: " + String.join(", ", invented));
        }
        if (Language.of(text) != language) {
            return new Result(Optional.empty(), "the model answered in another language than the question's");
        }
        return new Result(Optional.of(text), "");
    }

    private static String run(String tool, String arguments, RoutedQuestion q, OfflineAnswers answers, ZonedDateTime now) {
        JsonNode args;
        try {
            args = JSON.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
        } catch (IOException e) {
            return "error: the arguments are not JSON";
        }
        String when = args.path("when").asText("");
        String text = args.path("text").asText("");
        return switch (tool) {
            case "events_at" -> TimeExpressions.read(when, now)
                    .map(t -> answers.atTime(new RoutedQuestion(q.question(), Route.TIME, q.language(), Optional.of(t), "", null)))
                    .orElse("error: no time found in '" + when + "'");
            case "recurring" -> answers.recurring(new RoutedQuestion(q.question(), Route.RECURRENCE, q.language(),
                    TimeExpressions.read(when, now), "", null));
            case "similar" -> answers.similar(new RoutedQuestion(q.question(), Route.SIMILARITY, q.language(), Optional.empty(), text, null));
            case "incident" -> answers.incident(new RoutedQuestion(q.question(), Route.INCIDENT, q.language(), Optional.empty(), "",
                    args.path("id").asText("")));
            case "search" -> answers.anything(new RoutedQuestion(text, Route.HYBRID, q.language(), Optional.empty(), text, null));
            default -> "error: no tool named '" + tool + "'";
        };
    }
}
