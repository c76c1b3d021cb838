package dev.vigie.agent;

import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import java.time.Duration;
import java.util.List;

/**
 * Where the local Ollama server is and what it offers: its models, listed through LangChain4j, and
 * the one to use (the configured default, else the first listed). The team's stages call it.
 */
public final class OllamaGateway {
    /** What the server said when last asked. */
    public record Health(boolean up, List<String> models, String model, String error) {
    }

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final String baseUrl;
    private final String preferredModel;

    public OllamaGateway(String baseUrl, String preferredModel) {
        this.baseUrl = baseUrl;
        this.preferredModel = preferredModel == null ? "" : preferredModel.trim();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Health health() {
        try {
            List<OllamaModel> listed = OllamaModels.builder().baseUrl(baseUrl).timeout(HEALTH_TIMEOUT).maxRetries(0)
                    .build().availableModels().content();
            List<String> names = listed.stream().map(OllamaModel::getName).sorted().toList();
            if (names.isEmpty()) {
                return new Health(false, names, "", "Ollama answers at " + baseUrl + " but has no model");
            }
            if (!preferredModel.isEmpty() && !names.contains(preferredModel)) {
                return new Health(false, names, "", "model " + preferredModel + " is not on the server");
            }
            return new Health(true, names, preferredModel.isEmpty() ? names.get(0) : preferredModel, "");
        } catch (RuntimeException e) {
            return new Health(false, List.of(), "", "no Ollama at " + baseUrl + " (" + unreachable(e) + ")");
        }
    }

    /** Why a server did not answer, in words: the exception's name only when nothing plainer fits. */
    static String unreachable(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException) {
            return "nothing answers there";
        }
        if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
            return "unknown host";
        }
        if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
            return "no answer in " + HEALTH_TIMEOUT.toSeconds() + " s";
        }
        return Answers.rootMessage(e);
    }
}
