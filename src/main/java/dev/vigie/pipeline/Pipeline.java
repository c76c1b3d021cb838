package dev.vigie.pipeline;

import dev.vigie.config.DetectorSettings;
import dev.vigie.config.Settings;
import dev.vigie.detect.Detector;
import dev.vigie.event.Anomaly;
import dev.vigie.event.CheckRate;
import dev.vigie.event.Incident;
import dev.vigie.event.LearnedDependency;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.ScoredSample;
import dev.vigie.event.Severity;
import dev.vigie.incident.Correlator;
import dev.vigie.incident.EvidenceBuffer;
import dev.vigie.incident.FactsReport;
import dev.vigie.incident.FactsReportBuilder;
import dev.vigie.incident.IncidentSink;
import dev.vigie.ingest.Checkpoint;
import dev.vigie.ingest.RawRecord;
import dev.vigie.parse.LogParser;
import dev.vigie.store.SourceProgress;
import dev.vigie.store.StoreBatch;
import dev.vigie.template.Template;
import dev.vigie.template.TemplateMiner;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * parse → template → detect → correlate, on one thread, in arrival order: the facts level.
 * Windows close on a watermark of event time (the newest time seen, less an allowance for late
 * lines), never on the wall clock, so a replay gives the same facts as the live run did.
 * What it produces accumulates in a {@link StoreBatch} that the caller takes and commits.
 */
public final class Pipeline {
    static final Duration LATENESS = Duration.ofMinutes(2);
    private static final Duration ADVANCE_STEP = Duration.ofSeconds(1);

    private final LogParser parser;
    private final TemplateMiner miner = new TemplateMiner();
    private final Detector detector;
    private volatile List<CheckRate> rates = List.of();
    private final Correlator correlator;
    private final EvidenceBuffer evidence = new EvidenceBuffer();
    private final FactsReportBuilder factsBuilder;
    private final EventBus bus;
    private final PipelineStats stats;
    private final Consumer<FactsReport> toAnalyse;
    private final Detector.Output detected = new Detector.Output() {
        @Override
        public void accept(Anomaly a) {
            stats.anomalies.incrementAndGet();
            onAnomaly(a);
        }

        @Override
        public void update(Anomaly a) {
            onAnomaly(a); // same id: the store and the correlator replace it
        }

        @Override
        public void derived(MetricSample s) {
            beforeScoring(s);
        }

        @Override
        public void scored(MetricSample s, boolean abnormal) {
            afterScoring(s, abnormal);
        }
    };
    private final IncidentSink incidentSink = new IncidentSink() {
        @Override
        public void opened(Incident incident) {
            batch.incident(incident);
            bus.publish(incident);
            if (incident.severity() == Severity.CRITICAL) {
                // analysed now with what is known, and again when it closes
                toAnalyse.accept(factsBuilder.build(incident, evidence));
            }
        }

        @Override
        public void closed(Incident incident) {
            batch.incident(incident);
            stats.incidents.incrementAndGet();
            bus.publish(incident);
            toAnalyse.accept(factsBuilder.build(incident, evidence));
        }

        @Override
        public void learned(LearnedDependency dependency) {
            batch.learned(dependency);
        }

        @Override
        public void merged(Incident absorbed, Incident into) {
            batch.incident(into);
            batch.absorbedIncident(absorbed.id());
            bus.publish(into);
        }
    };
    private StoreBatch batch = new StoreBatch();
    private boolean urgent;
    private Instant newest = Instant.EPOCH;
    private Instant advancedTo = Instant.EPOCH;

    /**
     * @param settings the incident gap, the service dependencies, the detector's parameters and the
     *                 redactor that the facts reports' sample lines go through before they leave the facts level
     */
    public Pipeline(LogParser parser, Settings settings, EventBus bus, PipelineStats stats,
                    Consumer<FactsReport> toAnalyse) {
        this.parser = parser;
        this.factsBuilder = new FactsReportBuilder(settings.redactor());
        this.detector = new Detector(settings.detector(), detected);
        this.correlator = new Correlator(settings.incidentGap(), settings.dependencies());
        this.bus = bus;
        this.stats = stats;
        this.toAnalyse = toAnalyse;
    }

    /** Dependencies learned in earlier runs go on linking their services. */
    public void restoreLearned(List<LearnedDependency> known) {
        correlator.restore(known);
    }

    /** Templates known from earlier runs keep their counts and first-seen times. */
    public void restoreTemplates(Collection<Template> known) {
        miner.restore(known);
    }

    public LogEvent parse(RawRecord record) {
        return parser.parse(record);
    }

    /** How often each log check fired so far, as of the last time event time moved on; safe to read from any thread. */
    public List<CheckRate> checkRates() {
        return rates;
    }

    public void onRecord(RawRecord record) {
        if (record.has(RawRecord.FIRST_LINE)) {
            LogEvent first = parse(record);
            if (first != null) {
                detector.onFirstLine(first);
            }
            return;
        }
        onParsed(record, parse(record));
    }

    /** A record and what {@link #parse} made of it (null: nothing usable). */
    public void onParsed(RawRecord record, LogEvent event) {
        stats.lines.addAndGet(record.lines());
        boolean rejected = event == null && !record.text().isBlank();
        if (rejected) {
            stats.rejected.incrementAndGet();
        }
        if (event != null) {
            Template t = miner.mine(event.message(), event.time());
            LogEvent mined = event.withTemplateId(t.id());
            batch.event(mined);
            batch.template(t);
            miner.takeMerges().forEach(batch::templateMerge);
            stats.events.incrementAndGet();
            if (mined.level().isErrorOrWorse()) {
                stats.errors.incrementAndGet();
            }
            evidence.onEvent(mined, t);
            detector.onEvent(mined, t.count() == 1, record.endOffset());
            bus.publish(mined);
            observe(mined.time());
        }
        batch.checkpoint(new Checkpoint(record.fileKey(), record.fingerprint(), record.source(), record.endOffset()));
        batch.progress(record.source(), new SourceProgress(record.lines(), event == null ? 0 : 1, rejected ? 1 : 0,
                record.has(RawRecord.INVALID_UTF8) ? 1 : 0, record.has(RawRecord.TRUNCATED) ? 1 : 0,
                event != null && event.timeInferred() ? 1 : 0));
    }

    /** A source could not be read, or is waited for; the error is stored with the source's counts (empty: it can be read again). */
    public void onSourceError(String source, String error) {
        batch.sourceError(source, error);
    }

    public void onSample(MetricSample sample) {
        beforeScoring(sample);
        afterScoring(sample, detector.onSample(sample));
    }

    private void beforeScoring(MetricSample sample) {
        batch.sample(sample);
        stats.samples.incrementAndGet();
        evidence.onSample(sample);
    }

    private void afterScoring(MetricSample sample, boolean abnormal) {
        bus.publish(new ScoredSample(sample, abnormal));
        observe(sample.time());
    }

    private void onAnomaly(Anomaly a) {
        urgent |= a.severity() == Severity.CRITICAL;
        batch.anomaly(a);
        bus.publish(a);
        correlator.onAnomaly(a, incidentSink);
    }

    private void observe(Instant t) {
        if (t.isAfter(newest)) {
            newest = t;
            if (!newest.isBefore(advancedTo.plus(ADVANCE_STEP))) {
                advancedTo = newest;
                detector.advance(newest.minus(LATENESS));
                rates = detector.checkRates();
                correlator.advance(newest.minus(LATENESS), incidentSink);
            }
        }
    }

    /** The metric checks use these settings from now on, having read the history given (see {@link Detector#reconfigure}). */
    public void reconfigure(DetectorSettings settings, List<MetricSample> history) {
        detector.reconfigure(settings, history);
    }

    /** End of input: every window and every incident closes. */
    public void finish() {
        detector.flush();
        rates = detector.checkRates();
        correlator.flush(newest, incidentSink);
    }

    public long openIncidents() {
        return correlator.openIncidents();
    }

    /** Newest event time seen. */
    public Instant newest() {
        return newest;
    }

    /** Whether the batch holds a critical anomaly: it is worth writing now rather than with the next ones. */
    public boolean urgent() {
        return urgent;
    }

    /** What was produced since the last call, to be committed in one transaction. */
    public StoreBatch takeBatch() {
        StoreBatch b = batch;
        batch = new StoreBatch();
        urgent = false;
        for (String source : b.progressed()) { // once a batch, not once a line
            String layout = parser.timeLayout(source);
            if (layout != null) {
                b.timeLayout(source, layout);
            }
        }
        b.readTails(); // one small read per file and batch: how a content rewritten in place is told apart after a stop
        return b;
    }

    public int pendingBatchSize() {
        return batch.size();
    }

    /** About how much text the batch in progress holds. */
    public long pendingBatchChars() {
        return batch.chars();
    }
}
