package dev.vigie.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs one stage of the team against Ollama: its system prompt, the quoted facts, the read-only
 * tools (answered here, a few rounds at most), a timeout of its own, and retries with back-off
 * when the transport fails. The reporter's text streams token by token.
 */
final class StageRunner {
    /** Attempts of one call when the transport fails (refused, reset, HTTP 5xx, timeout): three retries. */
    static final int ATTEMPTS = 4;
    /** Tool rounds a stage may take before its answer is taken as a loop. */
    static final int MAX_TOOL_ROUNDS = 4;

    private final String baseUrl;
    private final String model;
    private final Duration firstBackOff;

    StageRunner(String baseUrl, String model, Duration firstBackOff) {
        this.baseUrl = baseUrl;
        this.model = model;
        this.firstBackOff = firstBackOff;
    }

    String model() {
        return model;
    }

    /** A JSON answer, after as many tool rounds as the model asks for (up to {@link #MAX_TOOL_ROUNDS}). */
    String json(TeamStage stage, Duration timeout, String system, String user, TeamTools tools) {
        ChatModel chat = OllamaChatModel.builder().baseUrl(baseUrl).modelName(model).temperature(0.0).seed(42)
                .timeout(timeout).maxRetries(0).responseFormat(ResponseFormat.JSON).build();
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(system), UserMessage.from(user)));
        for (int round = 0; ; round++) {
            ChatRequest request = ChatRequest.builder().messages(messages).toolSpecifications(TeamTools.SPECIFICATIONS).build();
            AiMessage answer = call(stage, () -> chat.chat(request)).aiMessage();
            if (!answer.hasToolExecutionRequests()) {
                return answer.text() == null ? "" : answer.text();
            }
            if (round >= MAX_TOOL_ROUNDS) {
                throw new AnalysisException(stage.label() + " kept calling tools (" + (round + 1) + " rounds) without answering", null);
            }
            messages.add(answer);
            for (ToolExecutionRequest r : answer.toolExecutionRequests()) {
                messages.add(ToolExecutionResultMessage.from(r, tools.execute(r.name(), r.arguments())));
            }
        }
    }

    /** A text answer that streams: each piece goes to {@code tokens} as it arrives. */
    String streamed(TeamStage stage, Duration timeout, String system, String user, Consumer<String> tokens) {
        StreamingChatModel chat = OllamaStreamingChatModel.builder().baseUrl(baseUrl).modelName(model).temperature(0.0)
                .seed(42).timeout(timeout).build();
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build();
        return call(stage, () -> {
            CompletableFuture<String> done = new CompletableFuture<>();
            StringBuilder text = new StringBuilder();
            chat.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    text.append(partial);
                    tokens.accept(partial);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(text.toString());
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
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("no end of answer after " + timeout.toSeconds() + " s", e);
            }
        });
    }

    /** Transport failures are tried again three times ({@link #ATTEMPTS} in all), with exponential back-off. */
    private <T> T call(TeamStage stage, java.util.function.Supplier<T> attempt) {
        Duration wait = firstBackOff;
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (AnalysisException e) {
                throw e;
            } catch (RuntimeException e) {
                if (n == ATTEMPTS) {
                    throw new AnalysisException(stage.label() + " (model " + model + ") did not answer: " + Answers.rootMessage(e), e, true);
                }
                try {
                    Thread.sleep(wait.toMillis()); // the analysts' own thread, never the pipeline's or the FX thread
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new AnalysisException("interrupted while waiting to retry", ie);
                }
                wait = wait.multipliedBy(2);
            }
        }
    }
}
