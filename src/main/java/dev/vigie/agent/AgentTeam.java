package dev.vigie.agent;

import dev.vigie.incident.FactsReport;
import dev.vigie.event.SimilarIncident;
import dev.vigie.privacy.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Decides who analyses an incident: the team on the model ({@link ModelTeam}) when Ollama answers,
 * the offline analyst otherwise, when the model cannot be reached, or while the circuit breaker is
 * open after repeated failures; the analysis says why. Server health is asked at most every 30 s.
 */
public final class AgentTeam {
    private static final Duration HEALTH_TTL = Duration.ofSeconds(30);

    private final OllamaGateway gateway;
    private final OfflineAnalyst offline = new OfflineAnalyst();
    private final Clock clock;
    private volatile OllamaGateway.Health health;
    private volatile Instant checkedAt = Instant.MIN;
    private final CircuitBreaker breaker;
    private final Duration firstBackOff;
    private final Map<TeamStage, Duration> timeouts;
    /** What the prompts' facts and the model's answers go through: the one redactor built from the settings. */
    private final Redactor redactor;
    private volatile BiConsumer<String, String> reporterTokens = (incident, token) -> { };
    private volatile PastIncidents past = PastIncidents.NONE;

    public AgentTeam(OllamaGateway gateway, Redactor redactor, Clock clock) {
        this(gateway, redactor, clock, Duration.ofMillis(500));
    }

    /** @param firstBackOff the wait before the first retry; each next one waits twice as long */
    AgentTeam(OllamaGateway gateway, Redactor redactor, Clock clock, Duration firstBackOff) {
        this(gateway, redactor, clock, firstBackOff, Map.of());
    }

    /** @param timeouts per stage, where not the defaults (30, 60, 90 and 30 s) */
    AgentTeam(OllamaGateway gateway, Redactor redactor, Clock clock, Duration firstBackOff, Map<TeamStage, Duration> timeouts) {
        this.gateway = gateway;
        this.redactor = redactor;
        this.clock = clock;
        this.firstBackOff = firstBackOff;
        this.timeouts = Map.copyOf(timeouts);
        this.breaker = new CircuitBreaker(3, Duration.ofMinutes(5), clock);
    }

    /** Where the agents' {@code similar_incidents} tool looks: the memory, once it is open. */
    public void remember(PastIncidents past) {
        this.past = past;
    }

    /** Where the reporter's text goes, token by token with its incident's id, as the model writes it. */
    public void onReporterTokens(BiConsumer<String, String> tokens) {
        this.reporterTokens = tokens;
    }

    public synchronized OllamaGateway.Health health() {
        Instant now = clock.instant();
        if (health == null || checkedAt.plus(HEALTH_TTL).isBefore(now)) {
            health = gateway.health();
            checkedAt = now;
        }
        return health;
    }

    /** The last known health, without asking the server; while the circuit is open, it says so and why. */
    public OllamaGateway.Health lastHealth() {
        OllamaGateway.Health h = health;
        String held = breaker.heldBack();
        if (held != null) {
            return new OllamaGateway.Health(false, h == null ? java.util.List.of() : h.models(), h == null ? "" : h.model(),
                    "circuit open: " + held);
        }
        return h != null ? h : new OllamaGateway.Health(false, java.util.List.of(), "", "not checked yet");
    }

    public Analysis analyse(FactsReport facts) {
        List<SimilarIncident> similar = similar(facts);
        OllamaGateway.Health h = health();
        if (!h.up()) {
            return withHistory(offline.analyse(facts, h.error()), similar);
        }
        String held = breaker.heldBack();
        if (held != null) {
            return withHistory(offline.analyse(facts, "circuit open: " + held), similar);
        }
        try {
            Analysis answer = new ModelTeam(new StageRunner(gateway.baseUrl(), h.model(), firstBackOff), offline,
                    redactor, timeouts, past).analyse(facts, similar, token -> reporterTokens.accept(facts.incidentId(), token));
            breaker.success();
            return withHistory(answer, similar);
        } catch (AnalysisException e) {
            if (e.transport()) {
                breaker.failure(e.getMessage());
            }
            return withHistory(offline.analyse(facts, e.getMessage()), similar);
        }
    }

    /** Past incidents like this one; none when the memory cannot be read (the analysis goes on without them). */
    private List<SimilarIncident> similar(FactsReport facts) {
        try {
            return past.like(redactor.redact(facts.likeness()), facts.incidentId(), TeamTools.SIMILAR);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The plan with what similar past incidents of its domain said of its steps. */
    private static Analysis withHistory(Analysis a, List<SimilarIncident> similar) {
        List<SimilarIncident> relevant = PastFixes.relevant(similar, a.domain());
        if (relevant.isEmpty()) {
            return a;
        }
        return new Analysis(a.domain(), a.cause(), PastFixes.reorder(a.steps(), relevant), a.checks(), a.analyst(), a.note(),
                a.claims(), a.grounded(), a.hypotheses(), a.narrative());
    }
}
