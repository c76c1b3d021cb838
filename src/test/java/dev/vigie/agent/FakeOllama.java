package dev.vigie.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on 127.0.0.1 that speaks the parts of Ollama's API Vigie uses: /api/tags and /api/chat. */
final class FakeOllama implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<JsonNode> chatRequests = new CopyOnWriteArrayList<>();
    volatile String answer = "{}";
    /** Chat requests still to be answered with HTTP 500 before answering normally. */
    volatile int failNext;

    FakeOllama(String... models) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/tags", ex -> {
            ObjectNode root = JSON.createObjectNode();
            var list = root.putArray("models");
            for (String m : models) {
                list.addObject().put("name", m).put("model", m).put("modified_at", "2026-01-01T00:00:00Z")
                        .put("size", 2_000_000_000L).put("digest", "sha256:0");
            }
            reply(ex, root);
        });
        server.createContext("/api/chat", ex -> {
            JsonNode request = JSON.readTree(ex.getRequestBody());
            chatRequests.add(request);
            if (failNext > 0) {
                failNext--;
                byte[] error = "{\"error\":\"model runner crashed\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.sendResponseHeaders(500, error.length);
                ex.getResponseBody().write(error);
                ex.close();
                return;
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("model", request.path("model").asText());
            root.put("created_at", "2026-01-01T00:00:00Z");
            root.putObject("message").put("role", "assistant").put("content", answer);
            root.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", 40);
            reply(ex, root);
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    String lastPrompt() {
        StringBuilder all = new StringBuilder();
        chatRequests.get(chatRequests.size() - 1).path("messages").forEach(m -> all.append(m.path("content").asText()).append('\n'));
        return all.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
