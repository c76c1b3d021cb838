package dev.vigie.config;

import java.net.URI;

/** Turns the forms OLLAMA_HOST accepts ({@code host}, {@code host:port}, full URL) into a base URL. */
final class OllamaUrls {
    private static final int DEFAULT_PORT = 11434;

    private OllamaUrls() {
    }

    static String normalise(String raw) {
        String s = raw.trim();
        if (!s.contains("://")) {
            s = "http://" + s;
        }
        URI uri = URI.create(s);
        String host = uri.getHost() == null || uri.getHost().equals("0.0.0.0") ? "localhost" : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
        return uri.getScheme() + "://" + host + ":" + port;
    }
}
