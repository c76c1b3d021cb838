package dev.vigie.agent;

import dev.vigie.incident.FactsReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides who analyses an incident: the model when Ollama answers, the offline analyst otherwise
 * or when the model fails, and records why. Server health is asked at most every 30 s.
 */
public final class AgentTeam {
    private static final Duration HEALTH_TTL = Duration.ofSeconds(30);
    /** Attempts of one call when the transport fails (refused, reset, HTTP 5xx, timeout). */
    static final int ATTEMPTS = 3;

    private final OllamaGateway gateway;
    private final OfflineAnalyst offline = new OfflineAnalyst();
    private final Clock clock;
    private volatile OllamaGateway.Health health;
    private volatile Instant checkedAt = Instant.MIN;
    private final CircuitBreaker breaker;
    private final Duration firstBackOff;

    public AgentTeam(OllamaGateway gateway, Clock clock) {
        this(gateway, clock, Duration.ofMillis(500));
    }

    /** @param firstBackOff the wait before the first retry; each next one waits twice as long */
    AgentTeam(OllamaGateway gateway, Clock clock, Duration firstBackOff) {
        this.gateway = gateway;
        this.clock = clock;
        this.firstBackOff = firstBackOff;
        this.breaker = new CircuitBreaker(3, Duration.ofMinutes(5), clock);
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
        String held = breaker.heldBack();
        if (held != null) {
            return offline.analyse(facts, "circuit open: " + held);
        }
        Analysis answer;
        try {
            answer = withRetries(facts, h.model());
            breaker.success();
        } catch (AnalysisException e) {
            if (e.transport()) {
                breaker.failure(e.getMessage());
            }
            return offline.analyse(facts, e.getMessage());
        }
        return grounded(answer, facts);
    }

    /**
     * Transport failures are tried again, {@link #ATTEMPTS} times in all, with exponential back-off;
     * an answer that cannot be used is not (asking again does not make it better).
     */
    private Analysis withRetries(FactsReport facts, String model) {
        Duration wait = firstBackOff;
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.analyse(facts, model);
            } catch (AnalysisException e) {
                if (!e.transport() || attempt == ATTEMPTS) {
                    throw e;
                }
                pause(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis()); // the analysts' own thread, never the pipeline's or the FX thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisException("interrupted while waiting to retry", e);
        }
    }

    /**
     * The model's answer with every claim checked against the facts: ungrounded ones are marked and
     * counted; an answer that is mostly ungrounded is replaced by the offline analyst's, which says why.
     */
    Analysis grounded(Analysis answer, FactsReport facts) {
        GroundingGuard guard = new GroundingGuard(facts);
        GroundingGuard.Verdict cause = guard.check(answer.cause());
        List<GroundingGuard.Verdict> steps = answer.steps().stream().map(guard::check).toList();
        int claims = cause.claims() + steps.stream().mapToInt(GroundingGuard.Verdict::claims).sum();
        int found = cause.grounded() + steps.stream().mapToInt(GroundingGuard.Verdict::grounded).sum();
        if (claims > 0 && found * 2 < claims) {
            List<String> invented = new ArrayList<>(cause.ungrounded());
            steps.forEach(v -> invented.addAll(v.ungrounded()));
            return offline.analyse(facts, String.format(Locale.ROOT,
                    "%s's answer was mostly not in the facts (grounded: %d/%d claims; not found: %s)", answer.analyst(),
                    found, claims, String.join(", ", invented)));
        }
        return new Analysis(answer.domain(), cause.marked(), steps.stream().map(GroundingGuard.Verdict::marked).toList(),
                answer.checks(), answer.analyst(), answer.note(), claims, found, answer.hypotheses());
    }
}
