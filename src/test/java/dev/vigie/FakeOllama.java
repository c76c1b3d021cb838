package dev.vigie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that speaks the parts of Ollama's API Vigie uses: /api/tags and
 * /api/chat, with tool calls and streaming, and /api/embed. Each test scripts the answers: {@link #script} gets the
 * request and returns the assistant's content, or {@code TOOL name {json}} to call a tool, or
 * {@code HANG} to answer only once {@link #release} is counted down.
 */
public final class FakeOllama implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    public final List<JsonNode> chatRequests = new CopyOnWriteArrayList<>();
    public final List<JsonNode> embedRequests = new CopyOnWriteArrayList<>();
    public volatile String answer = "{}";
    public volatile Function<JsonNode, String> script = request -> answer;
    /** Chat requests still to be answered with HTTP 500 before answering normally. */
    public volatile int failNext;
    public final CountDownLatch release = new CountDownLatch(1);

    public FakeOllama(String... models) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/api/tags", ex -> {
            ObjectNode root = JSON.createObjectNode();
            var list = root.putArray("models");
            for (String m : models) {
                list.addObject().put("name", m).put("model", m).put("modified_at", "2026-01-01T00:00:00Z")
                        .put("size", 2_000_000_000L).put("digest", "sha256:0");
            }
            reply(ex, root);
        });
        // embeddings: a deterministic vector per text, from its words (texts sharing words are close)
        server.createContext("/api/embed", ex -> {
            JsonNode request = JSON.readTree(ex.getRequestBody());
            embedRequests.add(request);
            ObjectNode root = JSON.createObjectNode().put("model", request.path("model").asText());
            var all = root.putArray("embeddings");
            for (JsonNode input : request.path("input")) {
                double[] v = new double[16];
                for (String w : input.asText().toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
                    v[Math.floorMod(w.hashCode(), v.length)] += 1;
                }
                v[0] += 0.01; // never the zero vector
                var one = all.addArray();
                for (double x : v) {
                    one.add(x);
                }
            }
            reply(ex, root);
        });
        server.createContext("/api/chat", ex -> {
            JsonNode request = JSON.readTree(ex.getRequestBody());
            chatRequests.add(request);
            if (failNext > 0) {
                failNext--;
                byte[] error = "{\"error\":\"model runner crashed\"}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(500, error.length);
                ex.getResponseBody().write(error);
                ex.close();
                return;
            }
            String content = script.apply(request);
            if ("HANG".equals(content)) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
                return;
            }
            if (request.path("stream").asBoolean(false)) {
                stream(ex, request, content);
                return;
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("model", request.path("model").asText());
            root.put("created_at", "2026-01-01T00:00:00Z");
            ObjectNode message = root.putObject("message").put("role", "assistant");
            if (content.startsWith("TOOL ")) {
                String[] parts = content.split(" ", 3);
                message.put("content", "");
                message.putArray("tool_calls").addObject().putObject("function").put("name", parts[1])
                        .set("arguments", JSON.readTree(parts.length > 2 ? parts[2] : "{}"));
            } else {
                message.put("content", content);
            }
            root.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", 40);
            reply(ex, root);
        });
        server.start();
    }

    /** Ollama's stream: one JSON object per line, a few words each, then one with done=true. */
    private static void stream(HttpExchange ex, JsonNode request, String content) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            boolean tool = content.startsWith("TOOL ");
            String[] words = tool ? new String[0] : content.split("(?<= )");
            if (tool) {
                // a tool call comes whole in one chunk, as Ollama streams it
                String[] parts = content.split(" ", 3);
                ObjectNode chunk = JSON.createObjectNode();
                chunk.put("model", request.path("model").asText()).put("created_at", "2026-01-01T00:00:00Z");
                ObjectNode message = chunk.putObject("message").put("role", "assistant").put("content", "");
                message.putArray("tool_calls").addObject().putObject("function").put("name", parts[1])
                        .set("arguments", JSON.readTree(parts.length > 2 ? parts[2] : "{}"));
                chunk.put("done", false);
                out.write(JSON.writeValueAsBytes(chunk));
                out.write('\n');
                out.flush();
            }
            for (String w : words) {
                ObjectNode chunk = JSON.createObjectNode();
                chunk.put("model", request.path("model").asText()).put("created_at", "2026-01-01T00:00:00Z");
                chunk.putObject("message").put("role", "assistant").put("content", w);
                chunk.put("done", false);
                out.write(JSON.writeValueAsBytes(chunk));
                out.write('\n');
                out.flush();
            }
            ObjectNode last = JSON.createObjectNode();
            last.put("model", request.path("model").asText()).put("created_at", "2026-01-01T00:00:00Z");
            last.putObject("message").put("role", "assistant").put("content", "");
            last.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", words.length);
            out.write(JSON.writeValueAsBytes(last));
            out.write('\n');
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    /** The system prompt of a request: which stage asks. */
    public static String system(JsonNode request) {
        return request.path("messages").get(0).path("content").asText();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
