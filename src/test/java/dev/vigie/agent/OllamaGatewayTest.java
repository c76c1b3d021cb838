package dev.vigie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.FakeOllama;
import org.junit.jupiter.api.Test;

/** Whether a model answers, said in plain words for the status bar. */
class OllamaGatewayTest {
    @Test
    void aServerThatIsNotThereOrHasNoModelIsSaidPlainly() throws Exception {
        assertThat(new OllamaGateway("http://127.0.0.1:9", "").health().error()).isEqualTo("no Ollama at http://127.0.0.1:9 (nothing answers there)");
        assertThat(new OllamaGateway("http://no-such-host.invalid:11434", "").health().error()).endsWith("(unknown host)");
        try (FakeOllama empty = new FakeOllama()) {
            assertThat(new OllamaGateway(empty.url(), "").health().error()).isEqualTo("Ollama answers at " + empty.url() + " but has no model");
        }
        try (FakeOllama one = new FakeOllama("llama3.2:latest")) {
            OllamaGateway.Health h = new OllamaGateway(one.url(), "").health();
            assertThat(h.up()).isTrue();
            assertThat(h.model()).isEqualTo("llama3.2:latest");
            assertThat(new OllamaGateway(one.url(), "qwen2.5:7b").health().error()).isEqualTo("model qwen2.5:7b is not on the server");
        }
    }
}
