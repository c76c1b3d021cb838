package dev.vigie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Opt-in: runs against a real Ollama server when OLLAMA_HOST is set (no model can run on CI machines). */
@EnabledIfEnvironmentVariable(named = "OLLAMA_HOST", matches = ".+")
class OllamaIntegrationTest {
    @Test
    void aRealModelAnalysesAnIncidentOrTheTeamFallsBackWithAReason() {
        String host = System.getenv("OLLAMA_HOST");
        String url = host.contains("://") ? host : "http://" + host;
        OllamaGateway gateway = new OllamaGateway(url, System.getenv().getOrDefault("VIGIE_OLLAMA_MODEL", ""));
        assertThat(gateway.health().up()).as(gateway.health().error()).isTrue();
        Analysis a = new AgentTeam(gateway, dev.vigie.privacy.Redactor.standard(), Clock.systemUTC()).analyse(AgentTeamTest.POOL);
        assertThat(a.domain()).isIn("database", "network", "application", "security", "infrastructure", "integration");
        assertThat(a.offline() ? a.note() : a.cause()).isNotBlank();
    }
}
