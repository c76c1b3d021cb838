package dev.vigie.agent;

import dev.vigie.incident.FactsReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides who analyses an incident: the model when Ollama answers, the offline analyst otherwise
 * or when the model fails, and records why. Server health is asked at most every 30 s.
 */
public final class AgentTeam {
    private static final Duration HEALTH_TTL = Duration.ofSeconds(30);

    private final OllamaGateway gateway;
    private final OfflineAnalyst offline = new OfflineAnalyst();
    private final Clock clock;
    private volatile OllamaGateway.Health health;
    private volatile Instant checkedAt = Instant.MIN;

    public AgentTeam(OllamaGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    public synchronized OllamaGateway.Health health() {
        Instant now = clock.instant();
        if (health == null || checkedAt.plus(HEALTH_TTL).isBefore(now)) {
            health = gateway.health();
            checkedAt = now;
        }
        return health;
    }

    /** The last known health, without asking the server. */
    public OllamaGateway.Health lastHealth() {
        OllamaGateway.Health h = health;
        return h != null ? h : new OllamaGateway.Health(false, java.util.List.of(), "", "not checked yet");
    }

    public Analysis analyse(FactsReport facts) {
        OllamaGateway.Health h = health();
        if (!h.up()) {
            return offline.analyse(facts, h.error());
        }
        try {
            return gateway.analyse(facts, h.model());
        } catch (AnalysisException e) {
            return offline.analyse(facts, e.getMessage());
        }
    }
}
